namespace GraphApi.Server.Execution;

/// <summary>
/// Every error code the GraphQL runtime itself puts in <c>errors[].extensions.code</c>.
/// Codes raised by app resolvers (e.g. INVALID_ID) belong to the app, not here.
/// </summary>
public static partial class ErrorCodes
{
    /// <summary>A resolver threw an exception that was not an intentional <c>ExecutionError</c>.</summary>
    public const string UnexpectedExecutionError = "UNEXPECTED_EXECUTION_ERROR";

    /// <summary>Execution ran longer than <see cref="GraphQLServerOptions.ExecutionTimeout"/> (GraphQL.NET's own code).</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The caller went away (its cancellation token fired) before execution finished.</summary>
    public const string RequestCancelled = "REQUEST_CANCELLED";

    /// <summary>A mutation or subscription was sent where only queries are allowed (HTTP GET).</summary>
    public const string OperationNotAllowedOverGet = "OPERATION_NOT_ALLOWED_OVER_GET";

    /// <summary>The HTTP body is not valid JSON (or is empty).</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>The request is JSON but not a valid GraphQL-over-HTTP request (e.g. missing query, non-object variables).</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>An array (batched) body was sent; batching is not supported.</summary>
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";

    /// <summary>The HTTP body exceeds <see cref="GraphQLServerOptions.MaxRequestBodyBytes"/>.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>The request's Content-Type is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The Accept header allows no media type the server can answer with.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The HTTP method is neither GET nor POST.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";
}
