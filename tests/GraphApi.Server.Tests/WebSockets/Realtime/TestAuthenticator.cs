using System.Security.Claims;
using GraphApi.Server.WebSockets;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>
/// Reads <c>authorization</c> from the init payload: "good:NAME" authenticates NAME, "expiring:MS" authenticates
/// "expiring" for MS milliseconds, anything else is rejected; no token is anonymous.
/// </summary>
internal sealed class TestAuthenticator : IWebSocketAuthenticator
{
    public ValueTask<WebSocketAuthentication> AuthenticateAsync(
        HttpContext upgradeRequest, IReadOnlyDictionary<string, object?>? initPayload, CancellationToken ct)
    {
        if (initPayload?.GetValueOrDefault("authorization") is not string token)
        {
            return ValueTask.FromResult(WebSocketAuthentication.Anonymous);
        }

        var parts = token.Split(':', 2);
        return ValueTask.FromResult(parts switch
        {
            ["good", var name] => WebSocketAuthentication.Authenticated(User(name), expiresAt: null),
            ["expiring", var ms] => WebSocketAuthentication.Authenticated(User("expiring"), DateTimeOffset.UtcNow.AddMilliseconds(int.Parse(ms))),
            _ => WebSocketAuthentication.Rejected,
        });
    }

    private static ClaimsPrincipal User(string name) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.Name, name)], authenticationType: "test"));
}
