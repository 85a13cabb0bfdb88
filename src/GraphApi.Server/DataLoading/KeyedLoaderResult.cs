using GraphQL.DataLoader;

namespace GraphApi.Server.DataLoading;

/// <summary>The pending value of one key: resolved from its batch when GraphQL.NET asks for it.</summary>
internal sealed class KeyedLoaderResult<TKey, TBatch, TValue>(
    KeyBatcher<TKey, TBatch>.Batch batch,
    TKey key,
    Func<TBatch, TKey, TValue> select) : IDataLoaderResult<TValue>
    where TKey : notnull
{
    public async Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) =>
        select(await batch.GetAsync(cancellationToken).ConfigureAwait(false), key);

    async Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) =>
        await GetResultAsync(cancellationToken).ConfigureAwait(false);
}
