using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.Caching;

/// <summary>Adds the parsed-document cache to a GraphQL.NET builder.</summary>
public static class DocumentCacheGraphQLBuilderExtensions
{
    /// <summary>
    /// Caches parsed, validated documents by query text in an LRU bounded by entries and by bytes of text (defaults
    /// 1,000 entries and 64 MiB, see <see cref="DocumentCacheOptions"/>, read through <c>IOptions</c> with
    /// <paramref name="configure"/> applied on top). A hit skips parsing and runs only the rules registered for
    /// cached documents (e.g. <c>AddValidationRule(rule, useForCachedDocuments: true)</c>), and with none left an operation
    /// without variables reuses its first validation (<see cref="ReusedValidationResults"/>). A size below 1 fails validation.
    /// </summary>
    public static IGraphQLBuilder UseDocumentCache(this IGraphQLBuilder builder, Action<DocumentCacheOptions>? configure = null)
    {
        builder.ConfigureValidatedOptions<DocumentCacheOptions, DocumentCacheOptionsValidator>(configure);
        builder.Services.Register<IDocumentValidator>(
            _ => new ReusedValidationResults(new DocumentValidator()), GraphQL.DI.ServiceLifetime.Singleton, replace: true);
        return builder.ConfigureExecution(services =>
            new DocumentCacheExecution(services.GetRequiredService<IOptions<DocumentCacheOptions>>().Value));
    }
}
