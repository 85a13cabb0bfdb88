using System.Collections.Concurrent;

namespace GraphApi.Server.Tests.DataLoading;

internal sealed record Author(int Id, string Name);

internal sealed record Book(int Id, string Title, int AuthorId);

/// <summary>A tiny in-memory data set: four authors, six books, author 4 has none.</summary>
internal static class Library
{
    public static readonly Author[] Authors = [new(1, "Ann"), new(2, "Bob"), new(3, "Cy"), new(4, "Di")];

    public static readonly Book[] Books =
    [
        new(10, "A1", 1), new(11, "A2", 1), new(20, "B1", 2), new(30, "C1", 3), new(31, "C2", 3), new(32, "C3", 3),
    ];
}

/// <summary>Records every batch fetch (loader name and keys) and can make a loader fail.</summary>
internal sealed class LoaderCalls
{
    private readonly ConcurrentQueue<(string Loader, int[] Keys)> _calls = new();

    private int _running;
    private int _maxRunning;

    public string? FailingLoader { get; set; }

    /// <summary>The most fetches that were in flight at once (1 proves the serial strategy is in effect).</summary>
    public int MaxConcurrentFetches => Volatile.Read(ref _maxRunning);

    public IReadOnlyList<int[]> Of(string loader) => _calls.Where(c => c.Loader == loader).Select(c => c.Keys).ToList();

    public async Task RecordAsync(string loader, IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        _calls.Enqueue((loader, keys.ToArray()));
        var running = Interlocked.Increment(ref _running);
        InterlockedMax(ref _maxRunning, running);
        try
        {
            // A real database call completes asynchronously; so does this one.
            await Task.Delay(20, cancellationToken);
            if (FailingLoader == loader)
            {
                throw new InvalidOperationException($"{loader} is down");
            }
        }
        finally
        {
            Interlocked.Decrement(ref _running);
        }
    }

    private static void InterlockedMax(ref int target, int value)
    {
        int seen;
        while ((seen = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, seen) != seen)
        {
        }
    }
}
