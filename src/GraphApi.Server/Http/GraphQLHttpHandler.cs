using GraphApi.Server.Execution;
using GraphApi.Server.Execution.Cost;
using GraphQL.Transport;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Http;

/// <summary>GraphQL over HTTP: GET (queries only) and POST application/json, plus <c>GET ?sdl</c>.</summary>
internal sealed class GraphQLHttpHandler(
    GraphQLHttpRequestParser parser,
    GraphQLResponseWriter writer,
    IGraphQLExecutor executor,
    SchemaSdlProvider sdlProvider)
{
    /// <summary>What a browser opening the endpoint reads when no IDE is served.</summary>
    public const string IdeDisabledMessage =
        "No GraphQL IDE is served here. Send GraphQL requests with GET ?query= or POST. "
        + "To use the Banana Cake Pop IDE, build the app with npm on PATH (its assets are fetched at build time) "
        + "and keep GraphQL:Ide:Enabled=true (the default).";

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var isGet = HttpMethods.IsGet(request.Method);
        if (!isGet && !HttpMethods.IsPost(request.Method))
        {
            context.Response.Headers.Allow = "GET, POST";
            await writer.WriteErrorAsync(context, ResponseFormat.Json, new HttpRequestError(
                StatusCodes.Status405MethodNotAllowed, ErrorCodes.MethodNotAllowed, $"HTTP method {request.Method} is not allowed; use GET or POST.")).ConfigureAwait(false);
            return;
        }

        if (isGet && request.Query.ContainsKey("sdl"))
        {
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(sdlProvider.Sdl, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (isGet && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("documentId") && ResponseFormatNegotiator.AcceptsHtml(request))
        {
            // A browser opening the endpoint while the IDE transport (Ide/) is off or its assets are missing.
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(IdeDisabledMessage, context.RequestAborted).ConfigureAwait(false);
            return;
        }

        if (ResponseFormatNegotiator.Negotiate(request) is not { } format)
        {
            await writer.WriteErrorAsync(context, ResponseFormat.Json, new HttpRequestError(
                StatusCodes.Status406NotAcceptable,
                ErrorCodes.NotAcceptable,
                $"The Accept header must allow '{GraphQLMediaTypes.GraphQLResponseJson}' or '{GraphQLMediaTypes.Json}'.")).ConfigureAwait(false);
            return;
        }

        var (graphQLRequest, error) = isGet
            ? parser.ParseGet(request)
            : await parser.ParsePostAsync(request, context.RequestAborted).ConfigureAwait(false);
        if (error is not null)
        {
            await writer.WriteErrorAsync(context, format, error).ConfigureAwait(false);
            return;
        }

        await ExecuteAsync(context, format, graphQLRequest!, queriesOnly: isGet).ConfigureAwait(false);
    }

    private async Task ExecuteAsync(HttpContext context, ResponseFormat format, GraphQLRequest request, bool queriesOnly)
    {
        var reportCost = string.Equals(context.Request.Headers[CostReport.Header], CostReport.ReportValue, StringComparison.OrdinalIgnoreCase);
        var result = await executor.ExecuteAsync(
            new GraphQLExecutionRequest(request, context.User, context.RequestServices, queriesOnly, AllowSubscriptions: false, reportCost),
            context.RequestAborted).ConfigureAwait(false);
        if (context.RequestAborted.IsCancellationRequested)
        {
            return; // the client is gone: nobody to answer
        }

        await writer.WriteResultAsync(context, format, result).ConfigureAwait(false);
    }
}
