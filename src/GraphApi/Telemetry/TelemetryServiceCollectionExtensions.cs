using GraphApi.Server.Telemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace GraphApi.Telemetry;

/// <summary>OpenTelemetry for the application: the runtime's GraphQL spans and metrics plus ASP.NET Core, EF Core and .NET runtime.</summary>
internal static class TelemetryServiceCollectionExtensions
{
    /// <summary>
    /// Traces: the <c>GraphApi.Server</c> source, ASP.NET Core and EF Core (statement text only, never parameters),
    /// recorded when <c>Telemetry:Tracing:Enabled</c> (default: when an OTLP endpoint is set) and exported over OTLP when
    /// <c>Telemetry:Otlp:Endpoint</c> is set. Metrics (only when Prometheus or OTLP is on): the <c>GraphApi.Server</c> meter,
    /// ASP.NET Core, Kestrel, EF Core and runtime metrics, served as Prometheus text when
    /// <c>Telemetry:Prometheus:Enabled</c> (default: Development only) and exported over OTLP when an endpoint is set.
    /// </summary>
    public static IServiceCollection AddAppTelemetry(
        this IServiceCollection services, IConfiguration configuration, IHostEnvironment environment)
    {
        var options = TelemetryOptions.From(configuration, environment);
        services.AddSingleton(options);
        var otlp = options.Otlp.Endpoint is { Length: > 0 } endpoint ? new Uri(endpoint) : null;

        // Instrumentation is registered only when something reads it: listeners make every request and SQL statement
        // record spans and measurements even when they are thrown away.
        var telemetry = services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService(options.ServiceName));
        if (options.Tracing.Enabled is true)
        {
            telemetry.WithTracing(tracing =>
            {
                tracing.AddSource(ServerTelemetry.Name)
                    .AddAspNetCoreInstrumentation(aspNetCore =>
                        // Health probes and scrapes every few seconds would drown the real traffic.
                        aspNetCore.Filter = context => !context.Request.Path.StartsWithSegments("/health")
                            && !context.Request.Path.StartsWithSegments(options.Prometheus.Path))
                    .AddEntityFrameworkCoreInstrumentation();
                if (otlp is not null)
                {
                    tracing.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        }

        if (options.Prometheus.Enabled is true || otlp is not null)
        {
            telemetry.WithMetrics(metrics =>
            {
                metrics.AddMeter(ServerTelemetry.Name, AppTelemetry.Name)
                    .AddAspNetCoreInstrumentation()
                    .AddRuntimeInstrumentation()
                    .AddMeter("Microsoft.EntityFrameworkCore");
                if (options.Prometheus.Enabled is true)
                {
                    metrics.AddPrometheusExporter();
                }

                if (otlp is not null)
                {
                    metrics.AddOtlpExporter(exporter => exporter.Endpoint = otlp);
                }
            });
        }
        return services;
    }

    /// <summary>Maps the Prometheus scrape endpoint when enabled, and opens a log scope per request.</summary>
    public static WebApplication UseAppTelemetry(this WebApplication app)
    {
        var options = app.Services.GetRequiredService<TelemetryOptions>();
        if (options.Prometheus.Enabled is true)
        {
            app.MapPrometheusScrapingEndpoint(options.Prometheus.Path);
        }

        return app;
    }
}
