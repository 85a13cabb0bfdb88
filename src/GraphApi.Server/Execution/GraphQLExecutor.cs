using System.Diagnostics;
using GraphApi.Server.Execution.Cost;
using GraphApi.Server.Telemetry;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution;

/// <summary>
/// <see cref="IGraphQLExecutor"/> over GraphQL.NET's DI executor, so every DI-registered
/// <c>IConfigureExecution</c> (document cache, limits) applies to every transport. Each execution is one
/// <c>graphql.request</c> span and one count in <see cref="ServerTelemetry"/>.
/// </summary>
internal sealed class GraphQLExecutor(
    IDocumentExecuter<ISchema> executer,
    IOptions<GraphQLServerOptions> options,
    UnexpectedExceptionHandler unexpectedExceptionHandler,
    ILogger<GraphQLExecutor> logger) : IGraphQLExecutor
{
    public async Task<ExecutionResult> ExecuteAsync(GraphQLExecutionRequest request, CancellationToken cancellationToken)
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
            CancellationToken = cancellationToken,
            Timeout = options.Value.ExecutionTimeout,
            TimeoutAction = TimeoutAction.ReturnTimeoutError,
            UnhandledExceptionDelegate = unexpectedExceptionHandler.HandleAsync,
        };

        if (request.ReportCost)
        {
            CostReport.Request(executionOptions);
        }

        // Also for cached documents: a cache hit skips the core rules but must still refuse what the transport cannot carry.
        var transportRule = request.QueriesOnly ? OperationTypeValidationRule.QueriesOnly
            : request.RefuseMutations ? OperationTypeValidationRule.NoMutations
            : request.AllowSubscriptions ? null
            : OperationTypeValidationRule.NoSubscriptions;
        if (transportRule is not null)
        {
            executionOptions.ValidationRules = DocumentValidator.CoreRules.Append(transportRule);
            executionOptions.CachedDocumentValidationRules = [transportRule];
        }

        // Every log line of this execution names its operation (the host adds the trace id); never variables.
        using var logScope = logger.BeginScope(new OperationLogScope(request.Request.OperationName));
        using var activity = ServerTelemetry.Source.StartActivity("graphql.request");
        var started = Stopwatch.GetTimestamp();
        ExecutionResult result;
        try
        {
            result = await executer.ExecuteAsync(executionOptions).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The caller went away; GraphQL.NET throws here. Nobody reads this result, it only avoids an exception.
            result = new ExecutionResult
            {
                Errors = [new ExecutionError("The request was cancelled.") { Code = ErrorCodes.RequestCancelled }],
            };
        }

        RequestTelemetry.Record(activity, request.Request.OperationName, result, Stopwatch.GetElapsedTime(started));
        return result;
    }
}
