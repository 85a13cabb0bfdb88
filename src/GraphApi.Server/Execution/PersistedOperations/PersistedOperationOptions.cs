namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>
/// Options of persisted operations (configuration section <c>GraphQL:PersistedOperations</c>); see
/// <c>AddPersistedOperations</c> in <see cref="PersistedOperationsServiceCollectionExtensions"/>.
/// </summary>
public sealed class PersistedOperationOptions
{
    /// <summary>
    /// A directory of trusted documents, one <c>&lt;sha256-hex&gt;.graphql</c> file each (what <c>GraphApi operations add</c>
    /// writes); relative paths resolve against the content root. Default: none.
    /// </summary>
    public string? Directory { get; set; }

    /// <summary>
    /// A manifest JSON <c>{ "&lt;hash&gt;": "&lt;document&gt;" }</c> (graphql-codegen's client preset
    /// <c>persistedDocuments</c>, Relay's persisted queries); relative paths resolve against the content root. Default: none.
    /// </summary>
    public string? Manifest { get; set; }

    /// <summary>
    /// When <see langword="true"/>, a request that carries document text is refused with
    /// <c>ONLY_PERSISTED_OPERATIONS_ALLOWED</c>: only ids from <see cref="Directory"/> or <see cref="Manifest"/> run.
    /// Needs at least one of them. Default: <see langword="false"/>.
    /// </summary>
    public bool OnlyPersisted { get; set; }

    /// <summary>
    /// Automatic persisted queries (Apollo's <c>extensions.persistedQuery</c>): a query sent with its hash is stored and
    /// afterwards runs by hash alone. Stored in Redis when the Redis bus is registered, else in memory bounded by
    /// <see cref="MaxEntries"/> and <see cref="MaxBytes"/>. Default: <see langword="false"/>.
    /// </summary>
    public bool Automatic { get; set; }

    /// <summary>The most queries the in-memory automatic store keeps (least recently used go first). Default 10,000; at least 1.</summary>
    public int MaxEntries { get; set; } = 10_000;

    /// <summary>The most query text the in-memory automatic store keeps, in bytes (two per character). Default 16 MiB; at least 1.</summary>
    public long MaxBytes { get; set; } = 16L * 1024 * 1024;
}
