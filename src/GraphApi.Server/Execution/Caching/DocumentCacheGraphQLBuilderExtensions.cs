using GraphQL;
using GraphQL.DI;

namespace GraphApi.Server.Execution.Caching;

/// <summary>Adds the parsed-document cache to a GraphQL.NET builder.</summary>
public static class DocumentCacheGraphQLBuilderExtensions
{
    /// <summary>
    /// Caches parsed, validated documents by query text in an LRU bounded by entries and by bytes of text (defaults
    /// 1,000 entries and 64 MiB, see <see cref="DocumentCacheOptions"/>). A hit skips parsing and runs only the rules registered for cached
    /// documents (e.g. <c>AddValidationRule(rule, useForCachedDocuments: true)</c>).
    /// </summary>
    public static IGraphQLBuilder UseDocumentCache(this IGraphQLBuilder builder, Action<DocumentCacheOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var options = new DocumentCacheOptions();
        configure?.Invoke(options);
        return builder.ConfigureExecution(new DocumentCacheExecution(options));
    }
}
