using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Execution;

/// <summary>
/// GraphQL.NET's unhandled-exception hook: logs the exception with a trace id and swaps it for an
/// <see cref="UnexpectedExecutionError"/> (masked unless details are exposed). Intentional
/// <see cref="ExecutionError"/>s pass through untouched.
/// </summary>
internal sealed class UnexpectedExceptionHandler(
    ExceptionExposure exposure,
    ILogger<UnexpectedExceptionHandler> logger)
{
    public Task HandleAsync(UnhandledExceptionContext context)
    {
        if (context.OriginalException is ExecutionError)
        {
            return Task.CompletedTask;
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        logger.LogError(
            context.OriginalException,
            "Unexpected exception while executing field {FieldPath} (traceId {TraceId})",
            context.FieldContext is { } field ? string.Join('.', field.Path) : "(none)",
            traceId);

        context.Exception = exposure.ExposeDetails
            ? new UnexpectedExecutionError(context.OriginalException.Message, traceId, context.OriginalException)
            : new UnexpectedExecutionError(UnexpectedExecutionError.MaskedMessage, traceId, exposedException: null);
        return Task.CompletedTask;
    }
}
