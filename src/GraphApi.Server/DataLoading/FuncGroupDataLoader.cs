namespace GraphApi.Server.DataLoading;

/// <summary>
/// A <see cref="GroupDataLoader{TKey, TValue}"/> built from a delegate, for groups that depend on extra
/// arguments (paging, filters): create one per argument set with <see cref="DataLoaderScope.GetOrCreate{T}"/>.
/// </summary>
public sealed class FuncGroupDataLoader<TKey, TValue>(
    Func<IReadOnlyList<TKey>, CancellationToken, Task<ILookup<TKey, TValue>>> load)
    : GroupDataLoader<TKey, TValue>
    where TKey : notnull
{
    /// <inheritdoc />
    protected override Task<ILookup<TKey, TValue>> LoadGroupsAsync(
        IReadOnlyList<TKey> keys, CancellationToken cancellationToken) => load(keys, cancellationToken);
}
