using GraphApi.Server.Execution.Caching;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution;

/// <summary>
/// Refuses operation types the transport cannot carry, before execution and also for cached documents:
/// mutations and subscriptions over HTTP GET, mutations over SSE GET, and subscriptions over plain HTTP (no stream to deliver events on,
/// and a started subscription would never be released).
/// </summary>
internal sealed class OperationTypeValidationRule : ValidationRuleBase, IDocumentScopedRule
{
    public static readonly OperationTypeValidationRule QueriesOnly = new(
        allowed: operation => operation == OperationType.Query,
        ErrorCodes.OperationNotAllowedOverGet,
        kind => $"A {kind} operation cannot be executed over HTTP GET; use POST.");

    public static readonly OperationTypeValidationRule NoMutations = new(
        allowed: operation => operation != OperationType.Mutation,
        ErrorCodes.OperationNotAllowedOverGet,
        kind => $"A {kind} operation cannot be executed over HTTP GET; use POST.");

    public static readonly OperationTypeValidationRule NoSubscriptions = new(
        allowed: operation => operation != OperationType.Subscription,
        ErrorCodes.StreamingTransportRequired,
        _ => "A subscription needs a streaming transport: a WebSocket (graphql-transport-ws or graphql-ws) or "
            + "Server-Sent Events (Accept: text/event-stream).");

    private readonly Func<OperationType, bool> _allowed;
    private readonly string _code;
    private readonly Func<string, string> _message;

    private OperationTypeValidationRule(Func<OperationType, bool> allowed, string code, Func<string, string> message)
    {
        _allowed = allowed;
        _code = code;
        _message = message;
    }

    /// <summary>Applies only to a document that has an operation of a refused type (selected or not).</summary>
    public bool AppliesTo(GraphQLDocument document, ISchema schema) =>
        document.Definitions.Any(definition => definition is GraphQLOperationDefinition operation && !_allowed(operation.Operation));

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (!_allowed(operation.Operation))
        {
            context.ReportError(new ValidationError(
                context.Document.Source,
                number: "TRANSPORT",
                message: _message(operation.Operation.ToString().ToLowerInvariant()),
                operation)
            {
                Code = _code,
            });
        }

        return default;
    }
}
