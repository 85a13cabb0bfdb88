using GraphApi.Server.WebSockets;
using GraphQL;

namespace GraphApi.Server.Sse;

/// <summary>
/// Frames an operation as graphql-sse events. Errors before execution are a <c>next</c> event with the errors
/// and then <c>complete</c>: the protocol forbids answering an accepted stream with a 4xx.
/// </summary>
internal sealed class SseOperationSink(SseEventWriter writer) : IOperationSink
{
    public ValueTask NextAsync(ExecutionResult result, CancellationToken ct) => new(writer.WriteNextAsync(result, ct));

    public async ValueTask ErrorAsync(IReadOnlyList<ExecutionError> errors, CancellationToken ct)
    {
        await writer.WriteNextAsync(new ExecutionResult { Errors = [.. errors] }, ct).ConfigureAwait(false);
        await writer.WriteCompleteAsync(ct).ConfigureAwait(false);
    }

    public ValueTask CompleteAsync(CancellationToken ct) => new(writer.WriteCompleteAsync(ct));
}
