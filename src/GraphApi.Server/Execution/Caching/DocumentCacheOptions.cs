namespace GraphApi.Server.Execution.Caching;

/// <summary>Options of the parsed-document cache (see <see cref="DocumentCacheGraphQLBuilderExtensions.UseDocumentCache"/>).</summary>
public sealed class DocumentCacheOptions
{
    /// <summary>
    /// The most documents kept; the least recently used one is evicted beyond it. Default 1,000; must be at least 1.
    /// </summary>
    public int MaxEntries { get; set; } = 1_000;
}
