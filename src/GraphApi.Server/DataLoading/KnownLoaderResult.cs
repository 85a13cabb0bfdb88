using GraphQL.DataLoader;

namespace GraphApi.Server.DataLoading;

/// <summary>A loader result whose value is already known (a primed key): no batch, no query.</summary>
internal sealed class KnownLoaderResult<TValue>(TValue value) : IDataLoaderResult<TValue>
{
    public Task<TValue> GetResultAsync(CancellationToken cancellationToken = default) => Task.FromResult(value);

    Task<object?> IDataLoaderResult.GetResultAsync(CancellationToken cancellationToken) => Task.FromResult<object?>(value);
}
