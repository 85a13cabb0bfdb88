namespace GraphApi.Server.Execution.Caching;

/// <summary>A bounded least-recently-used map: O(1) get and set, thread-safe through one lock.</summary>
internal sealed class LruCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Lock _gate = new();
    private readonly Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>> _nodes;
    // Most recently used first; the last node is the next to go.
    private readonly LinkedList<KeyValuePair<TKey, TValue>> _recency = new();
    private readonly int _capacity;

    public LruCache(int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _capacity = capacity;
        _nodes = new Dictionary<TKey, LinkedListNode<KeyValuePair<TKey, TValue>>>(capacity);
    }

    public int Count
    {
        get
        {
            lock (_gate)
                return _nodes.Count;
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

    public void Set(TKey key, TValue value)
    {
        lock (_gate)
        {
            if (_nodes.Remove(key, out var existing))
                _recency.Remove(existing);
            else if (_nodes.Count == _capacity)
            {
                var oldest = _recency.Last!;
                _recency.RemoveLast();
                _nodes.Remove(oldest.Value.Key);
            }
            _nodes.Add(key, _recency.AddFirst(KeyValuePair.Create(key, value)));
        }
    }
}
