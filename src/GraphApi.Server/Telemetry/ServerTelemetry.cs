using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace GraphApi.Server.Telemetry;

/// <summary>
/// The runtime's <see cref="ActivitySource"/> and <see cref="Meter"/>, both named <see cref="Name"/>. They cost nothing
/// until a listener (e.g. OpenTelemetry's <c>AddSource(ServerTelemetry.Name)</c> / <c>AddMeter(ServerTelemetry.Name)</c>)
/// subscribes. Spans never carry variables or tokens: only operation name, type and error count.
/// </summary>
public static class ServerTelemetry
{
    /// <summary>The name of the activity source and of the meter: <c>GraphApi.Server</c>.</summary>
    public const string Name = "GraphApi.Server";

    internal static readonly ActivitySource Source = new(Name);
    internal static readonly Meter Meter = new(Name);

    // Tag names follow OpenTelemetry's GraphQL semantic conventions where they exist.
    internal const string OperationNameTag = "graphql.operation.name";
    internal const string OperationTypeTag = "graphql.operation.type";
    internal const string ErrorCountTag = "graphql.error.count";
    internal const string OutcomeTag = "graphql.outcome";
    internal const string LoaderTag = "graphql.dataloader.name";
    internal const string BatchSizeTag = "graphql.dataloader.batch.size";

    /// <summary>GraphQL requests executed, by operation type and outcome (<c>success</c> or <c>error</c>).</summary>
    internal static readonly Counter<long> Requests =
        Meter.CreateCounter<long>("graphql.server.requests", "{request}", "GraphQL operations executed.");

    /// <summary>How long executing a GraphQL operation took, by operation type and outcome.</summary>
    internal static readonly Histogram<double> RequestDuration =
        Meter.CreateHistogram("graphql.server.request.duration", "s", "Duration of GraphQL operation execution.",
            advice: new InstrumentAdvice<double>
            {
                // Seconds, as OpenTelemetry's HTTP semantic conventions advise (the SDK default buckets are milliseconds).
                HistogramBucketBoundaries = [0.005, 0.01, 0.025, 0.05, 0.075, 0.1, 0.25, 0.5, 0.75, 1, 2.5, 5, 7.5, 10, 30],
            });

    /// <summary>Open GraphQL WebSocket connections.</summary>
    internal static readonly UpDownCounter<long> WebSocketConnections =
        Meter.CreateUpDownCounter<long>("graphql.server.websocket.connections", "{connection}", "Open GraphQL WebSocket connections.");

    /// <summary>Active subscriptions (over WebSocket and SSE).</summary>
    internal static readonly UpDownCounter<long> Subscriptions =
        Meter.CreateUpDownCounter<long>("graphql.server.subscriptions", "{subscription}", "Active GraphQL subscriptions.");

    /// <summary>DataLoader batches fetched, by loader.</summary>
    internal static readonly Counter<long> DataLoaderBatches =
        Meter.CreateCounter<long>("graphql.server.dataloader.batches", "{batch}", "DataLoader batches fetched.");

    /// <summary>Keys per DataLoader batch, by loader.</summary>
    internal static readonly Histogram<long> DataLoaderBatchSize =
        Meter.CreateHistogram("graphql.server.dataloader.batch.size", "{key}", "Keys per DataLoader batch.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 5, 10, 25, 50, 100, 250, 500, 1000] });
}
