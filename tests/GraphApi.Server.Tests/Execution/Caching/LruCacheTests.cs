using GraphApi.Server.Execution.Caching;

namespace GraphApi.Server.Tests.Execution.Caching;

public sealed class LruCacheTests
{
    [Fact]
    public void The_least_recently_used_entry_is_evicted_at_capacity()
    {
        var cache = new LruCache<string, int>(3);
        cache.Set("a", 1);
        cache.Set("b", 2);
        cache.Set("c", 3);
        Assert.True(cache.TryGet("a", out _)); // "b" is now the oldest

        cache.Set("d", 4);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out var a));
        Assert.Equal(1, a);
        Assert.True(cache.TryGet("d", out var d));
        Assert.Equal(4, d);
    }

    [Fact]
    public void Setting_an_existing_key_replaces_it_without_growing()
    {
        var cache = new LruCache<string, int>(2);
        cache.Set("a", 1);
        cache.Set("a", 2);

        Assert.Equal(1, cache.Count);
        Assert.True(cache.TryGet("a", out var value));
        Assert.Equal(2, value);
    }

    [Fact]
    public void Concurrent_use_keeps_the_bound_and_the_values()
    {
        var cache = new LruCache<int, int>(50);

        Parallel.For(0, 20_000, i =>
        {
            var key = i % 200;
            if (cache.TryGet(key, out var value))
            {
                Assert.Equal(key * 2, value);
            }
            else
            {
                cache.Set(key, key * 2);
            }
        });

        Assert.Equal(50, cache.Count);
    }

    [Fact]
    public void A_capacity_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LruCache<int, int>(0));
    [Fact]
    public void Weight_is_bounded_by_evicting_the_least_recently_used()
    {
        var cache = new LruCache<string, string>(100, maxWeight: 10, (_, value) => value.Length);
        cache.Set("a", "xxxx");
        cache.Set("b", "xxxx");
        Assert.True(cache.TryGet("a", out _)); // "b" is now the oldest

        cache.Set("c", "xxxx");

        Assert.Equal(8, cache.Weight);
        Assert.False(cache.TryGet("b", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.True(cache.TryGet("c", out _));
    }

    [Fact]
    public void Weight_exactly_at_the_bound_is_kept()
    {
        var cache = new LruCache<string, string>(100, maxWeight: 10, (_, value) => value.Length);
        cache.Set("a", "xxxxx");
        cache.Set("b", "xxxxx");

        Assert.Equal(2, cache.Count);
        Assert.Equal(10, cache.Weight);
    }

    [Fact]
    public void An_entry_heavier_than_the_whole_budget_is_not_stored_and_evicts_nothing()
    {
        var cache = new LruCache<string, string>(100, maxWeight: 10, (_, value) => value.Length);
        cache.Set("a", "xxxx");

        cache.Set("huge", "xxxxxxxxxxx");

        Assert.False(cache.TryGet("huge", out _));
        Assert.True(cache.TryGet("a", out _));
        Assert.Equal(4, cache.Weight);
    }

    [Fact]
    public void Replacing_an_entry_replaces_its_weight()
    {
        var cache = new LruCache<string, string>(100, maxWeight: 10, (_, value) => value.Length);
        cache.Set("a", "xxxxxxxx");
        cache.Set("a", "xx");

        Assert.Equal(2, cache.Weight);
        Assert.Equal(1, cache.Count);
    }

    [Fact]
    public void A_weight_budget_below_one_is_refused() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new LruCache<int, int>(1, maxWeight: 0, (_, _) => 1));
}
