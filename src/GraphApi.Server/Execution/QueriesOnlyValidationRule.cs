using GraphQL.Validation;
using GraphQLParser.AST;

namespace GraphApi.Server.Execution;

/// <summary>
/// Refuses a selected operation that is not a query. Runs as a validation rule because only the
/// parsed document tells which operation <c>operationName</c> selects.
/// </summary>
internal sealed class QueriesOnlyValidationRule : ValidationRuleBase
{
    public static readonly QueriesOnlyValidationRule Instance = new();

    private QueriesOnlyValidationRule()
    {
    }

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        var operation = context.Operation;
        if (operation.Operation != OperationType.Query)
        {
            var kind = operation.Operation.ToString().ToLowerInvariant();
            context.ReportError(new ValidationError(
                context.Document.Source,
                number: "GET",
                message: $"A {kind} operation cannot be executed over HTTP GET; use POST.",
                operation)
            {
                Code = ErrorCodes.OperationNotAllowedOverGet,
            });
        }

        return default;
    }
}
