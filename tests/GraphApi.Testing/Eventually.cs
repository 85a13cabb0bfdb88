using System.Diagnostics;

namespace GraphApi.Testing;

/// <summary>
/// Waits for a condition the test cannot be told about directly (a server-side registration, a count), checking it
/// often rather than sleeping a fixed time: the test goes on as soon as it holds and fails with a clear message
/// when it never does.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultPatience = TimeSpan.FromSeconds(15);
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(10);

    /// <summary>Returns once <paramref name="condition"/> holds; throws a <see cref="TimeoutException"/> naming <paramref name="what"/> after <paramref name="patience"/> (default 15 s).</summary>
    public static Task UntilAsync(Func<bool> condition, string what, TimeSpan? patience = null) =>
        UntilAsync(() => Task.FromResult(condition()), what, patience);

    /// <inheritdoc cref="UntilAsync(Func{bool}, string, TimeSpan?)"/>
    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? patience = null)
    {
        var limit = patience ?? DefaultPatience;
        var clock = Stopwatch.StartNew();
        while (!await condition())
        {
            if (clock.Elapsed > limit)
            {
                throw new TimeoutException($"Waited {limit.TotalSeconds} s for {what}.");
            }

            await Task.Delay(Interval);
        }
    }
}
