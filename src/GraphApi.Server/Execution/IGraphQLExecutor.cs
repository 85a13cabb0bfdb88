using GraphQL;

namespace GraphApi.Server.Execution;

/// <summary>
/// The one way every transport (HTTP, WebSocket, SSE) executes a GraphQL request: applies the timeout,
/// the execution strategies, error masking and the DI-registered execution configuration.
/// </summary>
public interface IGraphQLExecutor
{
    /// <summary>
    /// Executes <paramref name="request"/>. Never throws for GraphQL or resolver errors; when
    /// <paramref name="cancellationToken"/> fires it returns a result with code <c>REQUEST_CANCELLED</c> instead of throwing.
    /// </summary>
    Task<ExecutionResult> ExecuteAsync(GraphQLExecutionRequest request, CancellationToken cancellationToken);
}
