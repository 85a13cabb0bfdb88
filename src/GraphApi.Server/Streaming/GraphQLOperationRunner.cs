using System.Security.Claims;
using GraphApi.Server.Execution;
using GraphApi.Server.Telemetry;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Streaming;

/// <summary>
/// Runs one operation for a streaming transport (WebSocket, SSE): a DI scope that lives as long as the operation,
/// the executor, and for a subscription a bounded buffer between the event stream and the (possibly slow) client.
/// </summary>
internal sealed class GraphQLOperationRunner(
    IGraphQLExecutor executor,
    IServiceScopeFactory scopeFactory,
    ILogger<GraphQLOperationRunner> logger)
{
    /// <summary>
    /// Executes <paramref name="request"/> and feeds <paramref name="sink"/> until the operation completes or
    /// <paramref name="cancellationToken"/> fires; on return the event stream is unsubscribed and the scope disposed. With
    /// <paramref name="refuseMutations"/> (SSE over GET) a mutation is refused as GraphQL over HTTP GET refuses it.
    /// </summary>
    public async Task RunAsync(
        GraphQLRequest request, ClaimsPrincipal user, int bufferCapacity, IOperationSink sink, CancellationToken cancellationToken,
        bool refuseMutations = false)
    {
        var scope = scopeFactory.CreateAsyncScope();
        await using var scopeDisposal = scope.ConfigureAwait(false);
        var result = await executor.ExecuteAsync(
            new GraphQLExecutionRequest(request, user, scope.ServiceProvider, RefuseMutations: refuseMutations), cancellationToken).ConfigureAwait(false);
        if (result.Streams is { Count: > 0 } streams)
        {
            // Checked before cancellation on purpose: a stream exists now and holds a pub/sub registration that only
            // subscribing and then disposing releases, even when the client stopped or left during execution.
            // Validation allows exactly one root field in a subscription, so there is one stream.
            ServerTelemetry.Subscriptions.Add(1);
            try
            {
                await PumpAsync(streams.Values.First(), bufferCapacity, sink, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                ServerTelemetry.Subscriptions.Add(-1);
            }
            return;
        }

        if (cancellationToken.IsCancellationRequested)
        {
            return;
        }

        // A subscription without a stream was refused at subscribe time (e.g. @authorize): an error, not an event.
        if (!result.Executed || result.Operation?.Operation == OperationType.Subscription)
        {
            await sink.ErrorAsync(result.Errors?.ToArray() ?? [new ExecutionError("The operation could not be executed.")], cancellationToken).ConfigureAwait(false);
            return;
        }

        await sink.NextAsync(result, cancellationToken).ConfigureAwait(false);
        await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task PumpAsync(IObservable<ExecutionResult> stream, int bufferCapacity, IOperationSink sink, CancellationToken cancellationToken)
    {
        var delivery = new EventDelivery(
            sink,
            Math.Max(1, bufferCapacity),
            cancellationToken,
            () => logger.LogDebug("A subscriber reads too slowly; its oldest pending event was dropped."),
            error => logger.LogWarning(error, "A subscription's event stream failed; the subscription completes."));
        using var stop = cancellationToken.UnsafeRegister(static state => ((EventDelivery)state!).Cancel(), delivery);

        IDisposable subscription;
        try
        {
            subscription = stream.Subscribe(delivery);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // The source refuses a subscription whose execution token already fired; that token released it.
            return;
        }

        using var _ = subscription;
        try
        {
            await delivery.Ended.ConfigureAwait(false);
            await sink.CompleteAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Stopped by the client or the connection closed: disposing the subscription is all that is left.
        }
    }
}
