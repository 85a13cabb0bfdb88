using System.Threading.RateLimiting;
using GraphApi.Auth.RateLimiting;
using GraphApi.Tests.Infrastructure;

namespace GraphApi.Tests.Auth.RateLimiting;

public sealed class SlidingWindowLimiterTests
{
    private readonly FixedTimeProvider _clock = new(AppDataHost.StartTime);

    [Fact]
    public void Grants_the_limit_in_one_window_and_refuses_one_more_until_the_oldest_permit_leaves_it()
    {
        var limiter = new SlidingWindowLimiter(3, TimeSpan.FromSeconds(10), _clock);
        Assert.True(limiter.AttemptAcquire().IsAcquired);
        _clock.Now += TimeSpan.FromSeconds(4);
        Assert.True(limiter.AttemptAcquire(2).IsAcquired);

        var refused = limiter.AttemptAcquire();
        _clock.Now += TimeSpan.FromSeconds(6) - TimeSpan.FromTicks(1);
        var stillRefused = limiter.AttemptAcquire();
        _clock.Now += TimeSpan.FromTicks(1);
        var granted = limiter.AttemptAcquire();

        Assert.Equal((false, TimeSpan.FromSeconds(6)), (refused.IsAcquired, RetryAfter(refused)));
        Assert.Equal((false, TimeSpan.FromTicks(1)), (stillRefused.IsAcquired, RetryAfter(stillRefused)));
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public void Zero_permits_asks_whether_one_is_left_without_taking_it()
    {
        var limiter = new SlidingWindowLimiter(1, TimeSpan.FromSeconds(10), _clock);

        Assert.True(limiter.AttemptAcquire(0).IsAcquired);
        Assert.True(limiter.AttemptAcquire(1).IsAcquired);
        var check = limiter.AttemptAcquire(0);

        Assert.Equal((false, TimeSpan.FromSeconds(10)), (check.IsAcquired, RetryAfter(check)));
    }

    [Fact]
    public void Is_idle_only_while_it_remembers_no_permit()
    {
        var limiter = new SlidingWindowLimiter(2, TimeSpan.FromSeconds(10), _clock);
        Assert.Equal(TimeSpan.Zero, limiter.IdleDuration);

        limiter.AttemptAcquire();
        _clock.Now += TimeSpan.FromSeconds(9);
        Assert.Null(limiter.IdleDuration);

        _clock.Now += TimeSpan.FromSeconds(3);
        Assert.Equal(TimeSpan.FromSeconds(2), limiter.IdleDuration);
        Assert.Equal(2, limiter.GetStatistics()!.CurrentAvailablePermits);
    }

    private static TimeSpan? RetryAfter(RateLimitLease lease) =>
        lease.TryGetMetadata(MetadataName.RetryAfter, out var wait) ? wait : null;
}
