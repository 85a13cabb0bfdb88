namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>Where automatic persisted queries (APQ) live: written by requests that send a query with its hash.</summary>
internal interface IAutomaticQueryStore
{
    /// <summary>The query stored for <paramref name="sha256Hash"/>, or <see langword="null"/> (also when the store is unreachable).</summary>
    Task<string?> FindAsync(string sha256Hash);

    /// <summary>Stores <paramref name="query"/> under its verified <paramref name="sha256Hash"/>; best effort.</summary>
    Task StoreAsync(string sha256Hash, string query);
}
