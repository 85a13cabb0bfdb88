using GraphApi.Server.Execution.Caching;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>This process's APQ store: an LRU bounded by <see cref="PersistedOperationOptions.MaxEntries"/> and <see cref="PersistedOperationOptions.MaxBytes"/>.</summary>
internal sealed class InMemoryAutomaticQueryStore(PersistedOperationOptions options) : IAutomaticQueryStore
{
    private readonly LruCache<string, string> _queries =
        new(options.MaxEntries, options.MaxBytes, static (_, query) => DocumentCacheExecution.TextBytes(query));

    internal int Count => _queries.Count;

    public Task<string?> FindAsync(string sha256Hash) =>
        Task.FromResult(_queries.TryGet(sha256Hash, out var query) ? query : null);

    public Task StoreAsync(string sha256Hash, string query)
    {
        _queries.Set(sha256Hash, query);
        return Task.CompletedTask;
    }
}
