namespace GraphApi.Server;

/// <summary>
/// The one time rule of the runtime and its apps: times are UTC with millisecond precision, because the
/// <c>DateTime</c> scalar prints exactly three fractional digits and databases must round-trip what was printed.
/// </summary>
public static class UtcTime
{
    /// <summary>The current UTC time from <paramref name="clock"/>, truncated to whole milliseconds.</summary>
    public static DateTime GetUtcNowTruncated(this TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        return TruncateToMilliseconds(clock.GetUtcNow().UtcDateTime);
    }

    /// <summary>Drops sub-millisecond ticks of the UTC value (see <see cref="ToUtc"/>), marked as UTC.</summary>
    public static DateTime TruncateToMilliseconds(DateTime value)
    {
        var utc = ToUtc(value);
        return new DateTime(utc.Ticks - utc.Ticks % TimeSpan.TicksPerMillisecond, DateTimeKind.Utc);
    }

    /// <summary>Local values are converted; unspecified ones are taken to be UTC already (as databases hand them back).</summary>
    public static DateTime ToUtc(DateTime value) => value.Kind switch
    {
        DateTimeKind.Utc => value,
        DateTimeKind.Local => value.ToUniversalTime(),
        _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
    };
}
