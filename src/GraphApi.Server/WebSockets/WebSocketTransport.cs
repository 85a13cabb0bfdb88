using GraphApi.Server.Http;
using GraphApi.Server.Telemetry;
using GraphApi.Server.WebSockets.LegacyWs;
using GraphApi.Server.WebSockets.TransportWs;
using System.Net.WebSockets;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Server.WebSockets;

/// <summary>
/// Takes WebSocket upgrades on the GraphQL path and runs the requested subprotocol: graphql-transport-ws when
/// offered (preferred), else the legacy graphql-ws; an upgrade offering neither is answered 400. When the application
/// stops, open sockets are closed with 1001.
/// </summary>
internal sealed class WebSocketTransport(WebSocketSessionServices services, IHostApplicationLifetime lifetime) : IGraphQLTransport
{
    public bool CanHandle(HttpContext context) => context.WebSockets.IsWebSocketRequest;

    public async Task HandleAsync(HttpContext context)
    {
        var offered = context.WebSockets.WebSocketRequestedProtocols;
        var subProtocol = offered.Contains(TransportWsMessageTypes.SubProtocol) ? TransportWsMessageTypes.SubProtocol
            : offered.Contains(LegacyWsMessageTypes.SubProtocol) ? LegacyWsMessageTypes.SubProtocol
            : null;
        if (subProtocol is null)
        {
            context.Response.StatusCode = StatusCodes.Status400BadRequest;
            context.Response.ContentType = "text/plain; charset=utf-8";
            await context.Response.WriteAsync(
                $"Offer the WebSocket subprotocol '{TransportWsMessageTypes.SubProtocol}' or '{LegacyWsMessageTypes.SubProtocol}'.",
                context.RequestAborted).ConfigureAwait(false);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync(subProtocol).ConfigureAwait(false);
        var connection = new WebSocketConnection(socket, services.Serializer, services.Options);
        await using var connectionDisposal = connection.ConfigureAwait(false);
        // Graceful shutdown: 1001 (going away) so clients reconnect elsewhere; the session then ends like any closed one.
        using var stopping = lifetime.ApplicationStopping.Register(
            () => _ = connection.CloseAsync((int)WebSocketCloseStatus.EndpointUnavailable, "The server is shutting down."));
        WebSocketSession session = subProtocol == TransportWsMessageTypes.SubProtocol
            ? new TransportWsSession(connection, context, services)
            : new LegacyWsSession(connection, context, services);
        ServerTelemetry.WebSocketConnections.Add(1);
        try
        {
            await session.RunAsync().ConfigureAwait(false);
        }
        finally
        {
            ServerTelemetry.WebSocketConnections.Add(-1);
        }
    }
}
