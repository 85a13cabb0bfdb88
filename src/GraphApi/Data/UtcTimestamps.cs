namespace GraphApi.Data;

/// <summary>
/// The one clock rule of the application: timestamps are UTC and carry millisecond precision,
/// because the contract prints exactly three fractional digits and both databases must round-trip them.
/// </summary>
internal static class UtcTimestamps
{
    /// <summary>The current UTC time from <paramref name="clock"/>, truncated to whole milliseconds.</summary>
    public static DateTime GetUtcNowTruncated(this TimeProvider clock) =>
        TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime);

    /// <summary>Drops sub-millisecond ticks and marks the value as UTC.</summary>
    public static DateTime TruncateToMilliseconds(DateTime value) =>
        new(value.Ticks - value.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
}
