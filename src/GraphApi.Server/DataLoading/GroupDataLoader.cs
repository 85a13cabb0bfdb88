using System.Collections.Concurrent;
using GraphQL.DataLoader;

namespace GraphApi.Server.DataLoading;

/// <summary>
/// Loads a list of values per key (one-to-many, e.g. the children of each parent), batching like
/// <see cref="BatchDataLoader{TKey, TValue}"/>: one <see cref="LoadGroupsAsync"/> call per level, keys
/// deduplicated and cached for the life of the instance (register as scoped). Thread-safe.
/// </summary>
/// <typeparam name="TKey">The key type (compared with its default equality).</typeparam>
/// <typeparam name="TValue">The type of the values in each group.</typeparam>
public abstract class GroupDataLoader<TKey, TValue>
    where TKey : notnull
{
    private readonly KeyBatcher<TKey, ILookup<TKey, TValue>> _batcher;
    private ConcurrentDictionary<TKey, IReadOnlyList<TValue>>? _primed; // made by the first Prime: most loaders never are

    /// <summary>Creates a loader with an empty cache.</summary>
    protected GroupDataLoader() => _batcher = new(GetType().Name, LoadGroupsAsync);

    /// <summary>
    /// Queues <paramref name="key"/> for the next batch (or reuses its cached or in-flight result).
    /// A key missing from the lookup resolves to an empty list.
    /// </summary>
    public IDataLoaderResult<IReadOnlyList<TValue>> LoadAsync(TKey key) =>
        _primed?.TryGetValue(key, out var known) == true
            ? new KnownLoaderResult<IReadOnlyList<TValue>>(known)
            : new KeyedLoaderResult<TKey, ILookup<TKey, TValue>, IReadOnlyList<TValue>>(
                _batcher.Enlist(key), key, static (groups, k) => groups[k].ToArray());

    /// <summary>
    /// Answers <paramref name="key"/> with <paramref name="values"/> from now on, without a query: for groups the
    /// request has just written (e.g. the lines of an order it placed), which are known to be complete.
    /// </summary>
    public void Prime(TKey key, IReadOnlyList<TValue> values) =>
        LazyInitializer.EnsureInitialized(ref _primed, () => new())[key] = values;

    /// <summary>Fetches the groups of distinct <paramref name="keys"/>; keys without values may be left out.</summary>
    protected abstract Task<ILookup<TKey, TValue>> LoadGroupsAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken);
}
