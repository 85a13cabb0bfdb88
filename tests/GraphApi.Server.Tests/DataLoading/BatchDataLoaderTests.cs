using System.Collections.Concurrent;
using GraphApi.Server.DataLoading;

namespace GraphApi.Server.Tests.DataLoading;

/// <summary>Dispatch rules of the loaders, driven directly (without an executer).</summary>
public sealed class BatchDataLoaderTests
{
    private readonly ConcurrentQueue<int[]> _batches = new();

    [Fact]
    public async Task Keys_added_after_dispatch_start_a_new_batch_and_cached_keys_never_reload()
    {
        var loader = SquareLoader();
        var one = loader.LoadAsync(1);
        var two = loader.LoadAsync(2);

        Assert.Equal(1, await one.GetResultAsync());
        var three = loader.LoadAsync(3);
        var oneAgain = loader.LoadAsync(1);

        Assert.Equal(4, await two.GetResultAsync());
        Assert.Equal(9, await three.GetResultAsync());
        Assert.Equal(1, await oneAgain.GetResultAsync());
        Assert.Equal([[1, 2], [3]], _batches);
    }

    [Fact]
    public async Task Concurrent_loads_fetch_every_key_exactly_once()
    {
        var loader = SquareLoader();
        var keys = Enumerable.Range(0, 2_000).Select(i => i % 500).ToArray();

        var values = await Task.WhenAll(keys.AsParallel().Select(async key => (key, value: await loader.LoadAsync(key).GetResultAsync())));

        Assert.All(values, pair => Assert.Equal(pair.key * pair.key, pair.value));
        Assert.Equal(Enumerable.Range(0, 500), _batches.SelectMany(batch => batch).Order());
    }

    [Fact]
    public async Task Canceling_the_dispatching_call_cancels_every_waiter()
    {
        var loader = new FuncBatchDataLoader<int, int>(async (keys, ct) =>
        {
            await Task.Delay(Timeout.Infinite, ct);
            return keys.ToDictionary(k => k);
        });
        using var cancel = new CancellationTokenSource();
        var first = loader.LoadAsync(1);
        var second = loader.LoadAsync(2);
        var dispatching = first.GetResultAsync(cancel.Token);
        var waiting = second.GetResultAsync();

        await cancel.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => dispatching);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task A_synchronously_throwing_loader_fails_every_waiter()
    {
        var loader = new FuncGroupDataLoader<int, int>((_, _) => throw new InvalidOperationException("boom"));
        var first = loader.LoadAsync(1);
        var second = loader.LoadAsync(2);

        var failure = await Assert.ThrowsAsync<InvalidOperationException>(() => first.GetResultAsync());
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => second.GetResultAsync()));
    }

    [Fact]
    public async Task A_primed_group_is_answered_without_a_fetch_and_other_keys_still_batch()
    {
        var loader = new FuncGroupDataLoader<int, int>(async (keys, _) =>
        {
            _batches.Enqueue(keys.ToArray());
            await Task.Yield();
            return keys.SelectMany(k => new[] { k, k * 10 }).ToLookup(v => v % 10 == 0 && v != 0 ? v / 10 : v);
        });
        loader.Prime(7, [70, 71]);

        var primed = loader.LoadAsync(7);
        var fetched = loader.LoadAsync(2);

        Assert.Equal([70, 71], await primed.GetResultAsync());
        Assert.Equal([2, 20], await fetched.GetResultAsync());
        Assert.Equal([[2]], _batches);
    }

    private FuncBatchDataLoader<int, int> SquareLoader() => new(async (keys, _) =>
    {
        _batches.Enqueue(keys.ToArray());
        await Task.Yield();
        return keys.ToDictionary(k => k, k => k * k);
    });
}
