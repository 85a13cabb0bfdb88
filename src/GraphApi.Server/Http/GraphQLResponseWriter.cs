using GraphApi.Server.Execution;
using GraphQL;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Http;

/// <summary>Writes GraphQL responses with the status code the GraphQL-over-HTTP spec asks for.</summary>
internal sealed class GraphQLResponseWriter(IGraphQLTextSerializer serializer)
{
    public Task WriteResultAsync(HttpContext context, ResponseFormat format, ExecutionResult result)
    {
        if (result.Errors?.Any(e => e.Code == ErrorCodes.OperationNotAllowedOverGet) == true)
        {
            context.Response.Headers.Allow = HttpMethods.Post;
            return WriteAsync(context, format, StatusCodes.Status405MethodNotAllowed, result);
        }

        return WriteAsync(context, format, StatusCodeFor(format, result), result);
    }

    /// <summary>
    /// A request over the limits, or a refused persisted operation, is 400 whatever the media type (the contract says
    /// so); an unknown automatic persisted query hash is 200. Otherwise
    /// application/json: 200 for every well-formed GraphQL request; graphql-response+json: 200 with data;
    /// without data 400 (a request error: syntax, validation), or 504 when execution timed out, which is the
    /// server's failure, not the client's.
    /// </summary>
    private static int StatusCodeFor(ResponseFormat format, ExecutionResult result)
    {
        if (!result.Executed && result.Errors?.Any(e => e.Code is { } code
                && (ErrorCodes.RequestLimits.Contains(code) || ErrorCodes.PersistedOperationRefusals.Contains(code))) == true)
        {
            return StatusCodes.Status400BadRequest;
        }

        // Apollo's protocol: an unknown hash is not a failure, the client answers it by sending the query.
        if (!result.Executed && result.Errors?.Any(e => e.Code == ErrorCodes.PersistedQueryNotFound) == true)
        {
            return StatusCodes.Status200OK;
        }

        if (format == ResponseFormat.Json || result.Executed)
        {
            return StatusCodes.Status200OK;
        }

        return result.Errors?.Any(e => e.Code == ErrorCodes.Timeout) == true
            ? StatusCodes.Status504GatewayTimeout
            : StatusCodes.Status400BadRequest;
    }

    public Task WriteErrorAsync(HttpContext context, ResponseFormat format, HttpRequestError error) =>
        WriteAsync(context, format, error.StatusCode, new ExecutionResult
        {
            Errors = [new ExecutionError(error.Message) { Code = error.Code }],
        });

    public async Task WriteAsync(HttpContext context, ResponseFormat format, int statusCode, ExecutionResult result)
    {
        context.Response.StatusCode = statusCode;
        context.Response.ContentType = format == ResponseFormat.GraphQLResponseJson
            ? GraphQLMediaTypes.GraphQLResponseJson + "; charset=utf-8"
            : GraphQLMediaTypes.Json + "; charset=utf-8";
        await serializer.WriteAsync(context.Response.Body, result, context.RequestAborted).ConfigureAwait(false);
    }
}
