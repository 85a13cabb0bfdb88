using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Http;

/// <summary>
/// A transport that shares the GraphQL path with GraphQL over HTTP: a WebSocket upgrade, SSE
/// (<c>Accept: text/event-stream</c>) or a browser IDE page. Register implementations as singletons
/// (<c>services.AddSingleton&lt;IGraphQLTransport, MyTransport&gt;()</c>); the first one, in registration
/// order, whose <see cref="CanHandle"/> is true gets the request. When none does, the request is
/// handled as GraphQL over HTTP.
/// </summary>
public interface IGraphQLTransport
{
    /// <summary>Whether this transport takes the request. Must not read the body.</summary>
    bool CanHandle(HttpContext context);

    /// <summary>Handles the whole request and response.</summary>
    Task HandleAsync(HttpContext context);
}
