using GraphQL;

namespace GraphApi.Server.Execution;

/// <summary>
/// Replaces an unhandled resolver exception in the response. <see cref="TraceId"/> ties the
/// client-visible error to the server log entry.
/// </summary>
internal sealed class UnexpectedExecutionError : ExecutionError
{
    public const string MaskedMessage = "Unexpected Execution Error";

    public UnexpectedExecutionError(string message, string traceId, Exception? exposedException)
        : base(message, exposedException)
    {
        Code = ErrorCodes.UnexpectedExecutionError;
        TraceId = traceId;
    }

    public string TraceId { get; }
}
