using GraphApi.Server.Execution;
using GraphApi.Server.Http;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Tests.Http.TinyServer;

/// <summary>The tiny schema served by <c>AddGraphQLHttp</c>/<c>MapGraphQL</c>, in memory or on real Kestrel.</summary>
internal sealed class TinyGraphQLHost : IAsyncDisposable
{
    private readonly WebApplication _app;

    private TinyGraphQLHost(WebApplication app, CapturedLogs logs)
    {
        _app = app;
        Logs = logs;
    }

    public CapturedLogs Logs { get; }

    public IServiceProvider Services => _app.Services;

    /// <summary>The in-memory client (only for hosts started without Kestrel).</summary>
    public HttpClient CreateClient() => _app.GetTestClient();

    /// <summary>The http://127.0.0.1:port address (only for hosts started with Kestrel).</summary>
    public Uri Address => new(_app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First());

    public static async Task<TinyGraphQLHost> StartAsync(
        string environment = "Production",
        Action<GraphQLServerOptions>? configure = null,
        Action<IServiceCollection>? configureServices = null,
        bool useKestrel = false)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = environment });
        if (useKestrel)
        {
            builder.WebHost.UseUrls("http://127.0.0.1:0");
        }
        else
        {
            builder.WebHost.UseTestServer();
        }

        var logs = new CapturedLogs();
        builder.Logging.ClearProviders().AddProvider(logs);
        builder.Services.AddSingleton<ConcurrencyProbe>();
        builder.Services.AddTransient<TinyQuery>();
        builder.Services.AddTransient<TinyMutation>();
        builder.Services.AddTransient<TinySubscription>();
        builder.Services.AddGraphQL(b => b.AddSchema(_ => TinySchema.Create()).AddSystemTextJson());
        builder.Services.AddGraphQLHttp(configure);
        configureServices?.Invoke(builder.Services);

        var app = builder.Build();
        app.MapGraphQL();
        await app.StartAsync();
        return new TinyGraphQLHost(app, logs);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
