using GraphApi.Server.Streaming;
using GraphApi.Server.WebSockets;
using GraphQL;

namespace GraphApi.Server.Sse;

/// <summary>
/// Frames an operation as graphql-sse events. Errors before execution are a <c>next</c> event with the errors
/// and then <c>complete</c>: the protocol forbids answering an accepted stream with a 4xx.
/// </summary>
internal sealed class SseOperationSink(SseEventWriter writer) : IOperationSink
{
    /// <summary>Whether the <c>complete</c> event was written (or is being written).</summary>
    public bool Completed { get; private set; }

    public ValueTask NextAsync(ExecutionResult result, CancellationToken cancellationToken) => new(writer.WriteNextAsync(result, cancellationToken));

    public async ValueTask ErrorAsync(IReadOnlyList<ExecutionError> errors, CancellationToken cancellationToken)
    {
        await writer.WriteNextAsync(new ExecutionResult { Errors = [.. errors] }, cancellationToken).ConfigureAwait(false);
        Completed = true;
        await writer.WriteCompleteAsync(cancellationToken).ConfigureAwait(false);
    }

    public ValueTask CompleteAsync(CancellationToken cancellationToken)
    {
        Completed = true;
        return new(writer.WriteCompleteAsync(cancellationToken));
    }
}
