namespace GraphApi.Telemetry;

/// <summary>Metrics and traces (section <c>Telemetry</c>).</summary>
public sealed class TelemetryOptions
{
    public const string SectionName = "Telemetry";

    /// <summary>The service name on every span and metric, default <c>GraphApi</c>.</summary>
    public string ServiceName { get; set; } = "GraphApi";

    /// <summary>Prometheus text exposition.</summary>
    public PrometheusOptions Prometheus { get; set; } = new();

    /// <summary>OTLP export of traces and metrics.</summary>
    public OtlpOptions Otlp { get; set; } = new();

    /// <summary>Span recording.</summary>
    public TracingOptions Tracing { get; set; } = new();

    public sealed class PrometheusOptions
    {
        /// <summary>Serve <see cref="Path"/>; default on in Development, off elsewhere (it tells outsiders about the traffic).</summary>
        public bool? Enabled { get; set; }

        /// <summary>The scrape path, default <c>/metrics</c>.</summary>
        public string Path { get; set; } = "/metrics";
    }

    public sealed class OtlpOptions
    {
        /// <summary>The collector's address (e.g. <c>http://otel-collector:4317</c>); empty (default) exports nothing.</summary>
        public string? Endpoint { get; set; }
    }

    public sealed class TracingOptions
    {
        /// <summary>
        /// Record spans; default on exactly when <see cref="OtlpOptions.Endpoint"/> is set. Spans nobody exports are
        /// pure cost on every request and SQL statement (a quarter of the simplest query's throughput).
        /// </summary>
        public bool? Enabled { get; set; }
    }

    public static TelemetryOptions From(IConfiguration configuration, IHostEnvironment environment)
    {
        var options = configuration.GetSection(SectionName).Get<TelemetryOptions>() ?? new TelemetryOptions();
        options.Prometheus.Enabled ??= environment.IsDevelopment();
        options.Tracing.Enabled ??= options.Otlp.Endpoint is { Length: > 0 };
        return options;
    }
}
