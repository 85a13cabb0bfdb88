using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.WebSockets;

/// <summary>
/// Decides who a WebSocket connection acts as, once per connection when <c>connection_init</c> arrives.
/// Register one singleton to replace the default, which takes the upgrade request's authenticated
/// <see cref="HttpContext.User"/> and is anonymous otherwise.
/// </summary>
public interface IWebSocketAuthenticator
{
    /// <summary>Authenticates the connection.</summary>
    /// <param name="upgradeRequest">The HTTP upgrade request (headers, query string, <see cref="HttpContext.User"/>).</param>
    /// <param name="initPayload">The <c>connection_init</c> payload, or <see langword="null"/> when the client sent none.</param>
    /// <param name="cancellationToken">Fires when the connection goes away.</param>
    /// <returns>
    /// <see cref="WebSocketAuthentication.Anonymous"/>, <see cref="WebSocketAuthentication.Authenticated"/> or
    /// <see cref="WebSocketAuthentication.Rejected"/> (the socket closes with 4403).
    /// </returns>
    ValueTask<WebSocketAuthentication> AuthenticateAsync(
        HttpContext upgradeRequest, IReadOnlyDictionary<string, object?>? initPayload, CancellationToken cancellationToken);
}
