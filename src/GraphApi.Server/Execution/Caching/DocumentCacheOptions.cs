namespace GraphApi.Server.Execution.Caching;

/// <summary>Options of the parsed-document cache (see <see cref="DocumentCacheGraphQLBuilderExtensions.UseDocumentCache"/>).</summary>
public sealed class DocumentCacheOptions
{
    /// <summary>
    /// The most documents kept; the least recently used one is evicted beyond it. Default 1,000; must be at least 1.
    /// </summary>
    public int MaxEntries { get; set; } = 1_000;

    /// <summary>
    /// The most document text kept, in bytes as the process holds it (two per character; the parsed document points
    /// into that text). Least recently used documents are evicted beyond it, and a document larger than the whole
    /// budget is never cached. Default 64 MiB; must be at least 1.
    /// </summary>
    public long MaxBytes { get; set; } = 64L * 1024 * 1024;
}
