namespace GraphApi.Server.Tests.Http.TinyServer;

/// <summary>Records how many resolvers ran at the same time (proves the serial query strategy).</summary>
internal sealed class ConcurrencyProbe
{
    private int _running;
    private int _maxRunning;

    public int MaxRunning => Volatile.Read(ref _maxRunning);

    public async Task<int> MeasureAsync()
    {
        var now = Interlocked.Increment(ref _running);
        InterlockedMax(now);
        await Task.Delay(30);
        Interlocked.Decrement(ref _running);
        return now;
    }

    private void InterlockedMax(int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref _maxRunning)) < value
               && Interlocked.CompareExchange(ref _maxRunning, value, seen) != seen)
        {
        }
    }
}
