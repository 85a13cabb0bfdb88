namespace GraphApi.Server.DataLoading;

/// <summary>
/// Per-request (scoped) registry of loader instances keyed by a caller-chosen string, so a resolver whose
/// batch depends on arguments gets one loader per distinct argument set within a request. Thread-safe.
/// </summary>
public sealed class DataLoaderScope
{
    private readonly Lock _gate = new();
    private readonly Dictionary<(Type Type, string Key), object> _loaders = [];

    /// <summary>
    /// Returns the instance stored under <paramref name="key"/> for <typeparamref name="T"/>, calling
    /// <paramref name="factory"/> (at most once per key and type) when there is none yet.
    /// </summary>
    public T GetOrCreate<T>(string key, Func<T> factory)
        where T : class
    {
        ArgumentNullException.ThrowIfNull(key);
        ArgumentNullException.ThrowIfNull(factory);

        // A lock rather than ConcurrentDictionary.GetOrAdd: two racing factories would split one batch in two.
        lock (_gate)
        {
            if (_loaders.TryGetValue((typeof(T), key), out var existing))
            {
                return (T)existing;
            }

            var created = factory();
            _loaders.Add((typeof(T), key), created);
            return created;
        }
    }
}
