using System.Threading.RateLimiting;

namespace GraphApi.Auth.RateLimiting;

/// <summary>
/// At most <c>permitLimit</c> permits in any span of <c>window</c>, measured on a <see cref="TimeProvider"/>: each
/// granted permit is remembered until it is <c>window</c> old, so the limit is exact (no burst at a window edge)
/// and a refusal knows precisely when the next permit frees up (<see cref="MetadataName.RetryAfter"/>).
/// </summary>
/// <remarks>
/// The built-in window limiters read <c>Stopwatch</c> and take no <see cref="TimeProvider"/> (dotnet/runtime#106447),
/// so tests could not move their clock; this one plugs into the same <see cref="PartitionedRateLimiter"/> machinery.
/// It never queues: a refusal is immediate. Memory per partition is at most <c>permitLimit</c> timestamps.
/// </remarks>
internal sealed class SlidingWindowLimiter : RateLimiter
{
    private readonly int _permitLimit;
    private readonly TimeSpan _window;
    private readonly TimeProvider _clock;
    private readonly Queue<DateTimeOffset> _granted = new(); // oldest first
    private readonly object _gate = new();
    private DateTimeOffset _idleSince;
    private long _successful;
    private long _refused;

    public SlidingWindowLimiter(int permitLimit, TimeSpan window, TimeProvider clock)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(permitLimit);
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(window, TimeSpan.Zero);
        _permitLimit = permitLimit;
        _window = window;
        _clock = clock;
        _idleSince = clock.GetUtcNow();
    }

    /// <summary>Idle (so a partitioned limiter may drop it) only while it remembers no permit.</summary>
    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (_gate)
            {
                var now = _clock.GetUtcNow();
                Forget(now);
                return _granted.Count == 0 ? now - _idleSince : null;
            }
        }
    }

    public override RateLimiterStatistics? GetStatistics()
    {
        lock (_gate)
        {
            Forget(_clock.GetUtcNow());
            return new RateLimiterStatistics
            {
                CurrentAvailablePermits = _permitLimit - _granted.Count,
                CurrentQueuedCount = 0,
                TotalSuccessfulLeases = _successful,
                TotalFailedLeases = _refused,
            };
        }
    }

    /// <summary>
    /// Grants <paramref name="permitCount"/> permits when they fit in the window. Zero permits asks "is at least one
    /// left?" without taking it, as the built-in limiters answer it.
    /// </summary>
    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(permitCount, _permitLimit);
        lock (_gate)
        {
            var now = _clock.GetUtcNow();
            Forget(now);
            var needed = Math.Max(permitCount, 1);
            var free = _permitLimit - _granted.Count;
            if (needed <= free)
            {
                for (var i = 0; i < permitCount; i++)
                {
                    _granted.Enqueue(now);
                }

                _successful++;
                return WindowLease.Granted;
            }

            // Enough permits free up when the (needed - free) oldest ones leave the window.
            _refused++;
            var freedBy = _granted.ElementAt(needed - free - 1) + _window;
            return WindowLease.Refused(freedBy - now);
        }
    }

    protected override ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken) =>
        ValueTask.FromResult(AttemptAcquireCore(permitCount));

    private void Forget(DateTimeOffset now)
    {
        while (_granted.Count > 0 && now - _granted.Peek() >= _window)
        {
            var expired = _granted.Dequeue();
            if (_granted.Count == 0)
            {
                _idleSince = expired + _window;
            }
        }
    }

    private sealed class WindowLease(bool acquired, TimeSpan? retryAfter) : RateLimitLease
    {
        public static readonly WindowLease Granted = new(true, null);

        public static WindowLease Refused(TimeSpan retryAfter) => new(false, retryAfter);

        public override bool IsAcquired => acquired;

        public override IEnumerable<string> MetadataNames =>
            retryAfter is null ? [] : [MetadataName.RetryAfter.Name];

        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = retryAfter is { } wait && metadataName == MetadataName.RetryAfter.Name ? wait : null;
            return metadata is not null;
        }
    }
}
