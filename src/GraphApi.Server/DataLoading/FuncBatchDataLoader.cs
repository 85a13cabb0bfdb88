namespace GraphApi.Server.DataLoading;

/// <summary>
/// A <see cref="BatchDataLoader{TKey, TValue}"/> built from a delegate, for batches that depend on extra
/// arguments (paging, filters): create one per argument set with <see cref="DataLoaderScope.GetOrCreate{T}"/>.
/// </summary>
public sealed class FuncBatchDataLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<IReadOnlyDictionary<TKey, TValue>>> load)
    : BatchDataLoader<TKey, TValue>
    where TKey : notnull
{
    /// <inheritdoc />
    protected override Task<IReadOnlyDictionary<TKey, TValue>> LoadBatchAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken) => load(keys, cancellationToken);
}
