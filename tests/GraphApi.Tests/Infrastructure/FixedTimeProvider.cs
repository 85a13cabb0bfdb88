namespace GraphApi.Tests.Infrastructure;

/// <summary>A clock that stands still (and can be moved), so timestamps are predictable in tests.</summary>
internal sealed class FixedTimeProvider(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}
