using System.Diagnostics;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// Arrival times of one event at every subscriber: each subscriber's receive loop stamps its slot once, and
/// <see cref="WaitAsync"/> returns when the last slot is stamped. Failures (an <c>error</c> message, a closed
/// socket) end the wait at once instead of running into the timeout.
/// </summary>
internal sealed class FanOutDelivery(int subscribers, string operationId)
{
    private readonly long[] _arrivals = new long[subscribers];
    private readonly TaskCompletionSource _all = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _remaining = subscribers;

    public string OperationId { get; } = operationId;

    public void Arrive(int subscriber, long timestamp)
    {
        if (Interlocked.CompareExchange(ref _arrivals[subscriber], timestamp, 0) == 0 && Interlocked.Decrement(ref _remaining) == 0)
        {
            _all.TrySetResult();
        }
    }

    public void Fail(int subscriber, string reason) =>
        _all.TrySetException(new InvalidOperationException($"Subscriber {subscriber}: {reason}"));

    public async Task WaitAsync(TimeSpan timeout, CancellationToken ct)
    {
        try
        {
            await _all.Task.WaitAsync(timeout, ct);
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"{Volatile.Read(ref _remaining)} of {_arrivals.Length} subscribers had no event after {timeout.TotalSeconds:0} s.");
        }
    }

    /// <summary>
    /// Adds the milliseconds from <paramref name="sentAt"/> (a <see cref="Stopwatch"/> timestamp) to each arrival to
    /// <paramref name="latencies"/>, and returns the largest: the last subscriber's.
    /// </summary>
    public double AddLatenciesMs(long sentAt, List<double> latencies)
    {
        var last = 0.0;
        foreach (var arrival in _arrivals)
        {
            var ms = Stopwatch.GetElapsedTime(sentAt, arrival).TotalMilliseconds;
            latencies.Add(ms);
            last = Math.Max(last, ms);
        }

        return last;
    }
}
