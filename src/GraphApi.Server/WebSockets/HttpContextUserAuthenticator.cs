using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.WebSockets;

/// <summary>The default authenticator: whoever the upgrade request authenticated as (e.g. a bearer header), else anonymous.</summary>
internal sealed class HttpContextUserAuthenticator : IWebSocketAuthenticator
{
    public ValueTask<WebSocketAuthentication> AuthenticateAsync(
        HttpContext upgradeRequest, IReadOnlyDictionary<string, object?>? initPayload, CancellationToken cancellationToken) =>
        ValueTask.FromResult(upgradeRequest.User.Identity?.IsAuthenticated == true
            ? WebSocketAuthentication.Authenticated(upgradeRequest.User, expiresAt: null)
            : WebSocketAuthentication.Anonymous);
}
