using System.Diagnostics;
using GraphQL;
using GraphQL.Execution;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Execution;

/// <summary>
/// GraphQL.NET's unhandled-exception hook: logs the exception with a trace id and swaps it for an
/// <see cref="UnexpectedExecutionError"/> (masked unless details are exposed). Intentional
/// <see cref="ExecutionError"/>s pass through untouched; database outages an <see cref="IDatabaseFailureClassifier"/>
/// recognises become a <see cref="DatabaseUnavailableError"/>.
/// </summary>
internal sealed class UnexpectedExceptionHandler(
    ExceptionExposure exposure,
    IEnumerable<IDatabaseFailureClassifier> databaseClassifiers,
    ILogger<UnexpectedExceptionHandler> logger)
{
    private readonly IDatabaseFailureClassifier[] _databaseClassifiers = databaseClassifiers.ToArray();

    public Task HandleAsync(UnhandledExceptionContext context)
    {
        if (context.OriginalException is ExecutionError)
        {
            return Task.CompletedTask;
        }

        var traceId = Activity.Current?.TraceId.ToString() ?? Guid.NewGuid().ToString("N");
        if (_databaseClassifiers.Any(c => c.IsDatabaseUnavailable(context.OriginalException)))
        {
            // An outage is not a bug: one warning line (no stack trace) and a code the client can act on.
            logger.LogWarning(
                "Database unavailable while executing field {FieldPath} (traceId {TraceId}): {Reason}",
                context.FieldContext is { } failed ? string.Join('.', failed.Path) : "(none)",
                traceId,
                context.OriginalException.Message);
            context.Exception = new DatabaseUnavailableError();
            return Task.CompletedTask;
        }

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
