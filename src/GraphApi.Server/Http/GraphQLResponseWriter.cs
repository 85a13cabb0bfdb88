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

        // graphql-response+json: no data means a request error (syntax, validation, limits) → 400.
        var status = format == ResponseFormat.GraphQLResponseJson && !result.Executed
            ? StatusCodes.Status400BadRequest
            : StatusCodes.Status200OK;
        return WriteAsync(context, format, status, result);
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
