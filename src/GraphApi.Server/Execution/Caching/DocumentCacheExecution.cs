using GraphQL;
using GraphQL.DI;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Caching;

/// <summary>
/// Skips parsing and full validation for query texts seen before. Only documents that passed validation
/// (<see cref="ExecutionResult.Executed"/>) are stored, so a hit runs just the rules registered for cached
/// documents (<see cref="ExecutionOptions.CachedDocumentValidationRules"/>), and of those only the ones that apply
/// to the document (<see cref="IDocumentScopedRule"/>).
/// </summary>
internal sealed class DocumentCacheExecution(DocumentCacheOptions options) : IConfigureExecution
{
    /// <summary>GraphQL.NET's slot for 'Use' configurations: after the 'Add' calls (100) that set validation rules.</summary>
    public const int Order = 200;

    private readonly LruCache<string, GraphQLDocument> _documents =
        new(options.MaxEntries, options.MaxBytes, static (query, _) => TextBytes(query));

    public float SortOrder => Order;

    internal int Count => _documents.Count;

    internal long Bytes => _documents.Weight;

    /// <summary>What a cached text costs in memory: .NET strings hold two bytes per character.</summary>
    internal static long TextBytes(string query) => (long)query.Length * sizeof(char);

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        var query = execution.Query;
        if (execution.Document is not null || query is null)
        {
            return await next(execution).ConfigureAwait(false);
        }

        if (_documents.TryGet(query, out var document))
        {
            execution.Document = document;
            execution.ValidationRules = RulesFor(document, execution.CachedDocumentValidationRules, execution.Schema);
            return await next(execution).ConfigureAwait(false);
        }

        var result = await next(execution).ConfigureAwait(false);
        if (result.Executed && result.Document is { } parsed)
        {
            _documents.Set(query, parsed);
        }

        return result;
    }

    /// <summary>The cached-document rules minus those that say they cannot apply to <paramref name="document"/>.</summary>
    internal static IEnumerable<IValidationRule> RulesFor(GraphQLDocument document, IEnumerable<IValidationRule>? rules, ISchema? schema)
    {
        if (rules is null)
        {
            return [];
        }

        if (schema is null)
        {
            return rules;
        }

        // Runs on every cache hit: a new list only when a rule is left out, each rule asked once.
        List<IValidationRule>? kept = null;
        var seen = 0;
        foreach (var rule in rules)
        {
            var applies = rule is not IDocumentScopedRule scoped || scoped.AppliesTo(document, schema);
            if (kept is null && !applies)
            {
                kept = rules.Take(seen).ToList(); // every rule before this one applies
            }
            else if (kept is not null && applies)
            {
                kept.Add(rule);
            }

            seen++;
        }

        return kept ?? rules;
    }
}
