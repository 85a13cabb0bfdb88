using GraphApi.Server.Execution;
using GraphApi.Server.Execution.Caching;
using GraphApi.Server.Execution.Parsing;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution.Limits;

/// <summary>
/// Enforces <see cref="RequestLimitsOptions"/> before GraphQL.NET validates or executes anything: the token
/// limit and the syntax by <see cref="DocumentParser"/>, then the shape limits on the parsed document, which it
/// hands on so nothing is parsed twice.
/// </summary>
/// <remarks>
/// Ordering: it runs after the document cache (higher sort order). On a miss the text is lexed, parsed and
/// measured here; on a hit the cached document (parsed from this very text, which passed the token check
/// before it could be stored) is only re-measured, a cheap walk, so limits hold for a document from any source.
/// The shape checks cannot be a validation rule: GraphQL.NET's own rules recurse along fragment chains and
/// overflow the stack on long ones, so oversized documents must be rejected before validation starts.
/// </remarks>
internal sealed class RequestLimitsExecution(RequestLimitsOptions limits, IDocumentBuilder documentBuilder) : IConfigureExecution
{
    private readonly DocumentParser _parser = new(documentBuilder);

    public float SortOrder => DocumentCacheExecution.Order + 10;

    public Task<ExecutionResult> ExecuteAsync(ExecutionOptions options, ExecutionDelegate next)
    {
        if (options.Document is null && options.Query is { } query)
        {
            var parsed = _parser.Parse(query, limits.MaxTokens);
            if (parsed.ExceedsTokenLimit)
            {
                return Rejected(new ExecutionError($"The document has more than the maximum of {limits.MaxTokens} tokens.")
                {
                    Code = ErrorCodes.MaxTokensExceeded,
                });
            }
            if (parsed.ExceedsParserDepth)
            {
                // The parser's own recursion guard; GraphQL.NET would report it as an unexpected error.
                return Rejected(new ExecutionError("The document nests values or selections deeper than the parser allows.")
                {
                    Code = ErrorCodes.MaxDepthExceeded,
                });
            }
            if (parsed.Error is { } syntaxError)
            {
                return Rejected(syntaxError); // answered here, so GraphQL.NET never parses the text again
            }
            options.Document = parsed.Document;
        }

        if (options.Document is { } document)
        {
            var violations = Violations(document);
            if (violations.Count > 0)
            {
                return Rejected([.. violations]);
            }
        }
        return next(options);
    }

    private List<ExecutionError> Violations(GraphQLDocument document)
    {
        var shape = DocumentShape.Measure(document);
        var violations = new List<ExecutionError>();
        foreach (var (operation, reach) in shape.OperationReaches())
        {
            if (reach.Depth > limits.MaxDepth)
            {
                violations.Add(Error(document, operation, ErrorCodes.MaxDepthExceeded,
                    $"The operation has a depth of {reach.Depth}, over the maximum of {limits.MaxDepth}."));
            }
            if (reach.FragmentNesting > limits.MaxFragmentNesting)
            {
                violations.Add(Error(document, operation, ErrorCodes.MaxFragmentNestingExceeded,
                    $"The operation nests fragments {reach.FragmentNesting} deep, over the maximum of {limits.MaxFragmentNesting}."));
            }
        }
        if (shape.FieldCount > limits.MaxFields)
        {
            violations.Add(Error(document, null, ErrorCodes.MaxFieldsExceeded,
                $"The document selects {shape.FieldCount} fields, over the maximum of {limits.MaxFields}."));
        }
        if (shape.DirectiveCount > limits.MaxDirectives)
        {
            violations.Add(Error(document, null, ErrorCodes.MaxDirectivesExceeded,
                $"The document uses {shape.DirectiveCount} directives, over the maximum of {limits.MaxDirectives}."));
        }
        return violations;
    }

    private static ValidationError Error(GraphQLDocument document, ASTNode? node, string code, string message)
    {
        var error = node is null ? new ValidationError(message) : new ValidationError(document.Source, null, message, node);
        error.Code = code;
        return error;
    }

    // Executed stays false and data absent: a request error, answered before execution.
    private static Task<ExecutionResult> Rejected(params ExecutionError[] errors) =>
        Task.FromResult(new ExecutionResult { Errors = [.. errors] });
}
