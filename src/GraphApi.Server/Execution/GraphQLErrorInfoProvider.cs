using GraphQL;
using GraphQL.Execution;

namespace GraphApi.Server.Execution;

/// <summary>
/// GraphQL.NET's error serializer plus our rules: <c>extensions.traceId</c> on unexpected errors, <c>extensions.retryAfter</c> on rate-limited ones,
/// exception details only when exposed, and never an error without <c>extensions.code</c>.
/// </summary>
internal sealed class GraphQLErrorInfoProvider(ExceptionExposure exposure)
    : ErrorInfoProvider(new ErrorInfoProviderOptions { ExposeExceptionDetails = exposure.ExposeDetails })
{
    public override ErrorInfo GetInfo(ExecutionError executionError)
    {
        var info = base.GetInfo(executionError);
        var extensions = info.Extensions ?? new Dictionary<string, object?>();
        if (!extensions.ContainsKey("code"))
        {
            extensions["code"] = ErrorCodes.UnexpectedExecutionError;
        }

        if (executionError is UnexpectedExecutionError unexpected)
        {
            extensions["traceId"] = unexpected.TraceId;
        }

        if (executionError is RateLimitedError limited)
        {
            extensions["retryAfter"] = limited.RetryAfterSeconds;
        }

        info.Extensions = extensions;
        return info;
    }
}
