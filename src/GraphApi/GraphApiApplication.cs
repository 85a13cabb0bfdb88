using GraphApi.Auth;
using GraphApi.Auth.RateLimiting;
using GraphApi.Dashboard;
using GraphApi.Data;
using GraphApi.Data.Resilience;
using GraphApi.Health;
using GraphApi.Orders;
using GraphApi.Schema;
using GraphApi.Telemetry;
using GraphApi.Server;
using GraphApi.Server.Execution.InputLimits;
using GraphApi.Server.Http;
using GraphApi.Server.Ide;
using GraphApi.Server.PubSub.Redis;
using GraphApi.Server.Sse;
using GraphApi.Server.WebSockets;
using Microsoft.Extensions.Options;

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
        services.AddFeatureServices();
        services.AddGraphQLServer(
            GraphApiSchema.Bind,
            options => configuration.GetSection("GraphQL").Bind(options),
            limits => configuration.GetSection("GraphQL:Limits").Bind(limits),
            cache => configuration.GetSection("GraphQL:DocumentCache").Bind(cache),
            cost =>
            {
                // An order has at most this many lines: its items list is never longer (configuration may override).
                cost.ListSizes["Order.items"] = PlaceOrderRules.MaxLines;
                configuration.GetSection("GraphQL:Limits").Bind(cost);
            });
        services.Configure<InputLimitsOptions>(configuration.GetSection("GraphQL:Limits:Input"));
        services.AddGraphQLWebSockets(options => configuration.GetSection("GraphQL:WebSockets").Bind(options));
        services.AddGraphQLSse(options => configuration.GetSection("GraphQL:Sse").Bind(options));

        // SSE streams end at the token's expiry plus the skew bearer validation allows, as sockets close with 4403.
        services.AddOptions<SseOptions>().Configure<IOptions<JwtOptions>>(
            (sse, jwt) => sse.CredentialClockSkew = TimeSpan.FromSeconds(jwt.Value.ClockSkewSeconds));
        services.AddGraphQLIde(options => configuration.GetSection("GraphQL:Ide").Bind(options));
        services.AddSingleton<IWebSocketAuthenticator, JwtWebSocketAuthenticator>();
        var health = services.AddHealthChecks().AddCheck<DatabaseHealthCheck>("database", tags: ["ready"]);
        if (configuration["Redis:Configuration"] is { Length: > 0 } redis)
        {
            // Events cross server instances through Redis; without it they stay in this process.
            services.AddRedisPubSub(redis);
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
