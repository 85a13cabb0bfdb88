using System.Runtime.CompilerServices;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Caching;

/// <summary>
/// A cache hit with no rule left to run (<see cref="IDocumentScopedRule"/>) is still walked by GraphQL.NET's validator
/// to parse every field's literal arguments. For an operation without variables that walk gives the same result on
/// every request, so the first valid one is kept with the operation (and dies with its cached document) and later
/// hits return it. Operations with variables, requests with rules and invalid results always go to
/// <paramref name="inner"/>.
/// </summary>
/// <remarks>
/// The kept result is shared by concurrent requests: GraphQL.NET and our resolvers only read argument values.
/// </remarks>
internal sealed class ReusedValidationResults(IDocumentValidator inner) : IDocumentValidator
{
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Kept> _kept = new();

    public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
    {
        if (!IsReusable(options) || options.Operation is not { } operation || options.Schema is not { } schema)
        {
            return inner.ValidateAsync(options);
        }

        if (_kept.TryGetValue(operation, out var kept) && ReferenceEquals(kept.Schema, schema))
        {
            return kept.Result;
        }

        return ValidateAndKeepAsync(inner.ValidateAsync(options), operation, schema);
    }

    /// <summary>Nothing in the result can differ between requests: no rules run and no variable is coerced.</summary>
    private static bool IsReusable(in ValidationOptions options) =>
        options.Rules is { } rules
        && rules.TryGetNonEnumeratedCount(out var count) && count == 0
        && options.Operation?.Variables is null or { Items.Count: 0 };

    private async Task<IValidationResult> ValidateAndKeepAsync(
        Task<IValidationResult> validation, GraphQLOperationDefinition operation, ISchema schema)
    {
        var result = await validation.ConfigureAwait(false);
        if (result.IsValid)
        {
            _kept.AddOrUpdate(operation, new Kept(schema, Task.FromResult(result)));
        }

        return result;
    }

    private sealed record Kept(ISchema Schema, Task<IValidationResult> Result);
}
