using GraphQL;

namespace GraphApi.Server.Execution;

/// <summary>
/// A field refused by a rate limit: code <c>RATE_LIMITED</c> and <c>extensions.retryAfter</c>, the whole seconds
/// (rounded up, at least 1) after which the same call may succeed. Thrown from a resolver, it nulls that field only.
/// </summary>
public sealed class RateLimitedError : ExecutionError
{
    /// <summary>Creates the error; <paramref name="retryAfter"/> is rounded up to whole seconds (at least 1).</summary>
    public RateLimitedError(string message, TimeSpan retryAfter)
        : base(message)
    {
        Code = ErrorCodes.RateLimited;
        RetryAfterSeconds = WholeSeconds(retryAfter);
    }

    /// <summary><paramref name="wait"/> rounded up to whole seconds, at least 1 (as <c>retryAfter</c> reports it).</summary>
    public static int WholeSeconds(TimeSpan wait) => (int)Math.Clamp(Math.Ceiling(wait.TotalSeconds), 1, int.MaxValue);

    /// <summary>Whole seconds to wait before trying again (at least 1).</summary>
    public int RetryAfterSeconds { get; }
}
