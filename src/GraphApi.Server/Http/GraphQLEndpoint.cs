using System.Diagnostics;
using GraphApi.Server.Execution;
using GraphQL;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Http;

/// <summary>
/// The single request delegate behind <c>MapGraphQL</c>: hands the request to the first
/// <see cref="IGraphQLTransport"/> that takes it, else to GraphQL over HTTP, and turns any
/// unexpected exception into a masked GraphQL error instead of a stack trace.
/// </summary>
internal sealed class GraphQLEndpoint(
    IEnumerable<IGraphQLTransport> transports,
    GraphQLHttpHandler httpHandler,
    GraphQLResponseWriter writer,
    ExceptionExposure exposure,
    ILogger<GraphQLEndpoint> logger)
{
    private readonly IGraphQLTransport[] _transports = transports.ToArray();

    public async Task HandleAsync(HttpContext context)
    {
        try
        {
            await DispatchAsync(context).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (context.RequestAborted.IsCancellationRequested)
        {
            // The client went away: there is no one to answer.
        }
        catch (Exception ex)
        {
            await AnswerUnexpectedAsync(context, ex).ConfigureAwait(false);
        }
    }

    private Task DispatchAsync(HttpContext context)
    {
        foreach (var transport in _transports)
        {
            if (transport.CanHandle(context))
            {
                return transport.HandleAsync(context);
            }
        }

        if (IsWebSocketUpgrade(context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            return context.Response.WriteAsync("WebSocket requests are not supported on this endpoint.", context.RequestAborted);
        }

        return httpHandler.HandleAsync(context);
    }

    private async Task AnswerUnexpectedAsync(HttpContext context, Exception ex)
    {
        var traceId = Activity.Current?.TraceId.ToString() ?? context.TraceIdentifier;
        logger.LogError(ex, "Unexpected exception while handling a GraphQL request (traceId {TraceId})", traceId);
        if (context.Response.HasStarted)
        {
            context.Abort(); // a half-written body cannot be repaired
            return;
        }

        context.Response.Clear();
        var error = exposure.ExposeDetails
            ? new UnexpectedExecutionError(ex.Message, traceId, ex)
            : new UnexpectedExecutionError(UnexpectedExecutionError.MaskedMessage, traceId, exposedException: null);
        await writer.WriteAsync(context, ResponseFormat.Json, StatusCodes.Status500InternalServerError, new ExecutionResult { Errors = [error] }).ConfigureAwait(false);
    }

    private static bool IsWebSocketUpgrade(HttpRequest request) =>
        request.Headers.Upgrade.Any(v => string.Equals(v, "websocket", StringComparison.OrdinalIgnoreCase));
}
