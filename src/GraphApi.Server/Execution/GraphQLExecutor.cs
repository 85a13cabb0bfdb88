using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution;

/// <summary>
/// <see cref="IGraphQLExecutor"/> over GraphQL.NET's DI executor, so every DI-registered
/// <c>IConfigureExecution</c> (document cache, limits) applies to every transport.
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<ISchema> executer,
    IOptions<GraphQLServerOptions> options,
    UnexpectedExceptionHandler unexpectedExceptionHandler) : IGraphQLExecutor
{
    private static readonly IValidationRule[] QueriesOnlyRules = [QueriesOnlyValidationRule.Instance];

    public async Task<ExecutionResult> ExecuteAsync(GraphQLExecutionRequest request, CancellationToken ct)
    {
        var executionOptions = new ExecutionOptions
        {
            Query = request.Request.Query,
            DocumentId = request.Request.DocumentId,
            OperationName = request.Request.OperationName,
            Variables = request.Request.Variables,
            Extensions = request.Request.Extensions,
            User = request.User,
            RequestServices = request.RequestServices,
            CancellationToken = ct,
            Timeout = options.Value.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            UnhandledExceptionDelegate = unexpectedExceptionHandler.HandleAsync,
        };

        if (request.QueriesOnly)
        {
            // Also for cached documents: a cache hit skips the core rules but must still refuse mutations.
            executionOptions.ValidationRules = DocumentValidator.CoreRules.Append(QueriesOnlyValidationRule.Instance);
            executionOptions.CachedDocumentValidationRules = QueriesOnlyRules;
        }

        try
        {
            return await executer.ExecuteAsync(executionOptions).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The caller went away; GraphQL.NET throws here. Nobody reads this result, it only avoids an exception.
            return new ExecutionResult
            {
                Errors = [new ExecutionError("The request was cancelled.") { Code = ErrorCodes.RequestCancelled }],
            };
        }
    }
}
