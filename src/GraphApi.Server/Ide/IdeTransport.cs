using GraphApi.Server.Http;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Ide;

/// <summary>
/// Answers a browser opening the GraphQL path (GET, <c>Accept: text/html</c>, no <c>query</c>) with the IDE's page.
/// When the IDE is off it takes nothing, and GraphQL over HTTP answers with its own hint.
/// </summary>
internal sealed class IdeTransport(IdeAssets assets) : IGraphQLTransport
{
    public bool CanHandle(HttpContext context)
    {
        var request = context.Request;
        return assets.IsServed
            && HttpMethods.IsGet(request.Method)
            && !request.Query.ContainsKey("query") && !request.Query.ContainsKey("documentId")
            && !request.Query.ContainsKey("sdl")
            && ResponseFormatNegotiator.AcceptsHtml(request);
    }

    public Task HandleAsync(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/html; charset=utf-8";
        response.Headers.CacheControl = "no-cache"; // the page names hashed assets: always revalidate it
        return response.WriteAsync(assets.Page!, context.RequestAborted);
    }
}
