namespace GraphApi.Server.Execution.Caching;

/// <summary>
/// A least-recently-used map bounded twice: by entry count and by a total weight (e.g. bytes) that a weigher assigns
/// to each entry. O(1) get and set, thread-safe through one lock.
/// </summary>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<Entry>> _nodes = [];
    // Most recently used first; the last node is the next to go.
    private readonly LinkedList<Entry> _recency = new();
    private readonly int _maxEntries;
    private readonly long _maxWeight;
    private readonly Func<TKey, TValue, long> _weigh;
    private long _weight;

    /// <summary>A cache bounded by count only (every entry weighs 1).</summary>
    public LruCache(int maxEntries)
        : this(maxEntries, long.MaxValue, static (_, _) => 1)
    {
    }

    public LruCache(int maxEntries, long maxWeight, Func<TKey, TValue, long> weigh)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxEntries, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxWeight, 1);
        _maxEntries = maxEntries;
        _maxWeight = maxWeight;
        _weigh = weigh;
    }

    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _nodes.Count;
            }
        }
    }

    /// <summary>The summed weight of the entries held now.</summary>
    public long Weight
    {
        get
        {
            lock (_gate)
            {
                return _weight;
            }
        }
    }

    public bool TryGet(TKey key, out TValue value)
    {
        lock (_gate)
        {
            if (!_nodes.TryGetValue(key, out var node))
            {
                value = default!;
                return false;
            }
            _recency.Remove(node);
            _recency.AddFirst(node);
            value = node.Value.Value;
            return true;
        }
    }

    /// <summary>Stores the entry, evicting the least recently used ones until both bounds hold; an entry heavier
    /// than the whole budget is not stored at all.</summary>
    public void Set(TKey key, TValue value)
    {
        var weight = _weigh(key, value);
        lock (_gate)
        {
            if (_nodes.Remove(key, out var existing))
            {
                Drop(existing);
            }
            if (weight > _maxWeight)
            {
                return;
            }
            while (_nodes.Count >= _maxEntries || _weight + weight > _maxWeight)
            {
                var oldest = _recency.Last!;
                _nodes.Remove(oldest.Value.Key);
                Drop(oldest);
            }
            _nodes.Add(key, _recency.AddFirst(new Entry(key, value, weight)));
            _weight += weight;
        }
    }

    private void Drop(LinkedListNode<Entry> node)
    {
        _recency.Remove(node);
        _weight -= node.Value.Weight;
    }

    private readonly record struct Entry(TKey Key, TValue Value, long Weight);
}
