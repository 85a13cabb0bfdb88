using GraphQL.DataLoader;

namespace GraphApi.Server.DataLoading;

/// <summary>
/// Loads one value per key. Keys requested while GraphQL.NET resolves a level are fetched together in one
/// <see cref="LoadBatchAsync"/> call when the first of them is awaited. Keys are deduplicated and cached for
/// the life of the instance; register loaders as scoped so the cache lasts one request. Thread-safe.
/// </summary>
/// <typeparam name="TKey">The key type (compared with its default equality).</typeparam>
/// <typeparam name="TValue">The loaded value type.</typeparam>
public abstract class BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly KeyBatcher<TKey, IReadOnlyDictionary<TKey, TValue>> _batcher;

    /// <summary>Creates a loader with an empty cache.</summary>
    protected BatchDataLoader() => _batcher = new(GetType().Name, LoadBatchAsync);

    /// <summary>
    /// Queues <paramref name="key"/> for the next batch (or reuses its cached or in-flight result).
    /// A key missing from the batch result resolves to <see langword="null"/> (<c>default</c> for value types).
    /// </summary>
    public IDataLoaderResult<TValue?> LoadAsync(TKey key) =>
        new KeyedLoaderResult<TKey, IReadOnlyDictionary<TKey, TValue>, TValue?>(
            _batcher.Enlist(key), key, static (values, k) => values.TryGetValue(k, out var value) ? value : default);

    /// <summary>Fetches the values of distinct <paramref name="keys"/>; keys without a value may be left out.</summary>
    protected abstract Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
}
