using System.Diagnostics.Metrics;

namespace GraphApi.Telemetry;

/// <summary>
/// The application's own <see cref="Meter"/>, named <see cref="Name"/>; the runtime's instruments live in
/// <c>ServerTelemetry</c>. It costs nothing until a listener (OpenTelemetry's <c>AddMeter(AppTelemetry.Name)</c>) subscribes.
/// </summary>
public static class AppTelemetry
{
    /// <summary>The meter's name: <c>GraphApi</c>.</summary>
    public const string Name = "GraphApi";

    /// <summary>OpenTelemetry's attribute for the database a measurement concerns (here: the SQLite file).</summary>
    internal const string DatabaseTag = "db.namespace";

    internal static readonly Meter Meter = new(Name);

    /// <summary>Units of work committed together by one SQLite write batch (<c>SqliteWriteQueue</c>).</summary>
    internal static readonly Histogram<long> SqliteWriteBatchSize =
        Meter.CreateHistogram("graphapi.sqlite.write_batch.size", "{unit}", "Units of work committed together in one SQLite write batch.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [1, 2, 4, 8, 16, 32] });
}
