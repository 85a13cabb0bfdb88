using GraphApi.Auth;
using GraphApi.Auth.RateLimiting;
using GraphApi.Dashboard;
using GraphApi.Data;
using GraphApi.Data.Resilience;
using GraphApi.Health;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Schema;
using GraphApi.Telemetry;
using GraphApi.Server;
using GraphApi.Server.Http;
using GraphApi.Server.Ide;
using GraphApi.Server.Execution.PersistedOperations;
using GraphApi.Server.PubSub.Redis;
using GraphApi.Server.Sse;
using GraphApi.Server.WebSockets;
using GraphApi.Users;

namespace GraphApi;

/// <summary>The composition root: the runtime (<c>GraphApi.Server</c>) wired to this application's features.</summary>
internal static class GraphApiApplication
{
    public static IServiceCollection AddGraphApi(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        services.AddAppData(configuration, environment);
        services.AddDatabaseFailureClassification();
        services.AddAppTelemetry(configuration, environment);
        services.AddAppAuth(configuration, environment);
        services.AddKnownProxies(configuration);
        var graphQL = services.AddGraphQLServer(configuration.GetSection("GraphQL"))
            .AddIde()
            .AddWebSockets()
            .AddSse()
            .AddTokenAuthentication()
            .AddPersistedOperations()
            .AddRootTypes()
            .AddUsers()
            .AddProducts()
            .AddOrders();
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            // Events cross server instances through Redis; without it they stay in this process.
            graphQL.AddRedisPubSub(redis);
            health.AddRedisPubSubCheck(tags: "ready");
        }

        return services;
    }

    public static WebApplication UseGraphApi(this WebApplication app)
    {
        app.UseForwardedHeaders(); // first: everything after sees the client's address, not the proxy's
        app.UseAuthentication();
        app.UseWebSockets();
        app.MapGraphQL("/graphql");
        app.MapDashboard();
        app.UseAppTelemetry();
        app.MapHealthChecks("/health/live", new() { Predicate = _ => false });
        app.MapHealthChecks("/health/ready", new() { Predicate = check => check.Tags.Contains("ready") });
        return app;
    }
}
