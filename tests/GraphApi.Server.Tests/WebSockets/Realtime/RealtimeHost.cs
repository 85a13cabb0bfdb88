using GraphApi.Server.Http;
using GraphApi.Server.Sse;
using GraphApi.Server.WebSockets;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>The realtime schema on real Kestrel (127.0.0.1, free port) with WebSocket and SSE transports.</summary>
internal sealed class RealtimeHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private RealtimeHost(WebApplication app) => _app = app;

    public TestEventFeed Feed => _app.Services.GetRequiredService<TestEventFeed>();

    public SharedEventFeed SharedFeed => _app.Services.GetRequiredService<SharedEventFeed>();

    public IServiceProvider Services => _app.Services;

    public Uri HttpAddress => new(new Uri(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()), "/graphql");

    public Uri WebSocketAddress => new UriBuilder(HttpAddress) { Scheme = "ws" }.Uri;

    public static async Task<RealtimeHost> StartAsync(
        Action<GraphQLWebSocketOptions>? webSockets = null,
        Action<SseOptions>? sse = null,
        Action<IServiceCollection>? configureServices = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        builder.Services.AddSingleton<TestEventFeed>();
        builder.Services.AddSingleton<SharedEventFeed>();
        builder.Services.AddScoped<ScopeMarker>();
        builder.Services.AddTransient<RealtimeQuery>();
        builder.Services.AddTransient<RealtimeMutation>();
        builder.Services.AddTransient<RealtimeSubscription>();
        builder.Services.AddGraphQL(b => b.AddSchema(_ => RealtimeSchema.Create()).AddSystemTextJson());
        builder.Services.AddGraphQLHttp(configure: null);
        builder.Services.AddGraphQLWebSockets(webSockets);
        builder.Services.AddGraphQLSse(sse);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.UseWebSockets();
        app.MapGraphQL();
        await app.StartAsync();
        return new RealtimeHost(app);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
