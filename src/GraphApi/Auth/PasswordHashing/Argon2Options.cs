namespace GraphApi.Auth.PasswordHashing;

/// <summary>
/// Argon2id cost parameters, bound from <c>Auth:Argon2</c>. The defaults are OWASP's minimum
/// (19 MiB, 2 iterations, 1 lane); stronger values are allowed, weaker ones refused at start-up.
/// </summary>
internal sealed class Argon2Options
{
    public const string SectionName = "Auth:Argon2";
    public const int MinimumMemoryKiB = 19456;
    public const int MinimumIterations = 2;

    /// <summary>Memory per hash in KiB. Default 19456.</summary>
    public int MemoryKiB { get; set; } = MinimumMemoryKiB;

    /// <summary>Passes over memory. Default 2.</summary>
    public int Iterations { get; set; } = MinimumIterations;

    /// <summary>Lanes (and threads). Default 1.</summary>
    public int Parallelism { get; set; } = 1;

    /// <summary>Hashes computed at once for requests (each on a dedicated thread). Default: the processor count.</summary>
    public int MaxConcurrency { get; set; } = Environment.ProcessorCount;

    /// <summary>Requests that may wait for a hashing slot; one more is refused with RATE_LIMITED. Default 100.</summary>
    public int QueueLimit { get; set; } = 100;

    public bool HasValidLimits => MaxConcurrency >= 1 && QueueLimit >= 0;

    public static string InvalidLimitsMessage =>
        $"{SectionName}: MaxConcurrency must be at least 1 and QueueLimit at least 0.";

    public bool IsAtLeastOwaspMinimum =>
        MemoryKiB >= MinimumMemoryKiB && Iterations >= MinimumIterations && Parallelism >= 1;

    public static string TooWeakMessage =>
        $"{SectionName} is weaker than OWASP's minimum: MemoryKiB must be >= {MinimumMemoryKiB}, "
        + $"Iterations >= {MinimumIterations} and Parallelism >= 1.";
}
