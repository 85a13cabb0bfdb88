using GraphApi.Server.Execution.Caching;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Execution.Cost;

/// <summary>
/// Refuses, before GraphQL.NET validates or executes anything, an operation whose estimated cost exceeds
/// <see cref="CostAnalysisOptions.MaxCost"/> and introspection nesting deeper than
/// <see cref="CostAnalysisOptions.MaxIntrospectionDepth"/>; adds <c>extensions.cost</c> when the caller asked for it
/// (<see cref="CostReport"/>).
/// </summary>
/// <remarks>
/// Ordering: after the document cache and the request limits (higher sort order), so it sees the document they
/// parsed or found, cached or not, on every transport. The estimate depends on the variables, so it is made for every
/// request and never cached. Like the request limits it cannot be a validation rule: validation is what it protects.
/// </remarks>
internal sealed class CostAnalysisExecution(CostAnalysisOptions limits, CostEstimator estimator, IDocumentBuilder documentBuilder)
    : IConfigureExecution
{
    public float SortOrder => DocumentCacheExecution.Order + 20;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        // Without the request limits in front, nobody has parsed the text yet.
        options.Document ??= TryParse(options.Query);
        if (options.Document is not { } document
            || (options.Schema ?? options.RequestServices?.GetService<ISchema>()) is not { } schema)
        {
            return await next(options).ConfigureAwait(false); // GraphQL.NET reports the syntax error its usual way
        }

        var fragmentOrder = FragmentOrder.Of(document);
        var errors = new List<ExecutionError>();
        foreach (var (field, depth) in IntrospectionDepth.Violations(document, fragmentOrder, limits.MaxIntrospectionDepth))
        {
            errors.Add(Error(document, field, ErrorCodes.MaxIntrospectionDepthExceeded,
                $"Introspection nests fields, inputFields, interfaces or possibleTypes {depth} deep, over the maximum of {limits.MaxIntrospectionDepth}."));
        }

        schema.Initialize();
        var operation = SelectedOperation(document, options.OperationName);
        var estimate = operation is null ? 0 : estimator.Estimate(schema, fragmentOrder, operation, options.Variables);
        if (estimate > limits.MaxCost)
        {
            errors.Add(Error(document, operation, ErrorCodes.MaxCostExceeded,
                $"The operation has an estimated cost of {estimate}, over the maximum of {limits.MaxCost}."));
        }

        // Executed stays false and data absent: a request error, answered before execution.
        var result = errors.Count > 0 ? new ExecutionResult { Errors = [.. errors] } : await next(options).ConfigureAwait(false);
        if (CostReport.IsRequested(options))
        {
            CostReport.Add(result, estimate, limits.MaxCost);
        }

        return result;
    }

    /// <summary>The operation GraphQL.NET will run; null when the name matches none or is needed and missing (it reports that).</summary>
    private static GraphQLOperationDefinition? SelectedOperation(GraphQLDocument document, string? operationName)
    {
        GraphQLOperationDefinition? selected = null;
        foreach (var definition in document.Definitions)
        {
            if (definition is not GraphQLOperationDefinition operation)
            {
                continue;
            }

            if (string.IsNullOrEmpty(operationName))
            {
                if (selected is not null)
                {
                    return null;
                }

                selected = operation;
            }
            else if (operation.Name == operationName)
            {
                return operation;
            }
        }
        return selected;
    }

    private GraphQLDocument? TryParse(string? query)
    {
        if (query is null)
        {
            return null;
        }

        try
        {
            return documentBuilder.Build(query);
        }
        catch (GraphQLParserException)
        {
            return null;
        }
    }

    private static ValidationError Error(GraphQLDocument document, ASTNode? node, string code, string message)
    {
        var error = node is null ? new ValidationError(message) : new ValidationError(document.Source, null, message, node);
        error.Code = code;
        return error;
    }
}
