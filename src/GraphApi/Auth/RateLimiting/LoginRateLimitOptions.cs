namespace GraphApi.Auth.RateLimiting;

/// <summary>
/// Rate limits of <c>login</c> and <c>registerUser</c>, bound from <c>RateLimits:Login</c> (docs/rules.md, "Abuse
/// resistance"). Beyond any of them the field answers null with one RATE_LIMITED error.
/// </summary>
internal sealed class LoginRateLimitOptions
{
    public const string SectionName = "RateLimits:Login";

    /// <summary><c>login</c> and <c>registerUser</c> calls together per client address in any minute. Default 20.</summary>
    public int PerIpPerMinute { get; set; } = 20;

    /// <summary>Failed logins per account within <see cref="FailureWindowMinutes"/>; further attempts are refused
    /// until the oldest failure leaves the window. Default 10.</summary>
    public int FailuresPerAccount { get; set; } = 10;

    /// <summary>The span over which <see cref="FailuresPerAccount"/> counts. Default 15 minutes.</summary>
    public int FailureWindowMinutes { get; set; } = 15;

    /// <summary>
    /// Logins for one account are checked one at a time, so simultaneous guesses cannot slip past
    /// <see cref="FailuresPerAccount"/>; this many more may wait their turn. Default 20.
    /// </summary>
    public int AccountQueueLimit { get; set; } = 20;

    public bool IsValid =>
        PerIpPerMinute >= 1 && FailuresPerAccount >= 1 && FailureWindowMinutes >= 1 && AccountQueueLimit >= 0;

    public static string InvalidMessage =>
        $"{SectionName}: PerIpPerMinute, FailuresPerAccount and FailureWindowMinutes must be at least 1, "
        + "AccountQueueLimit at least 0.";
}
