using System.Security.Claims;

namespace GraphApi.Server.WebSockets;

/// <summary>The outcome of <see cref="IWebSocketAuthenticator.AuthenticateAsync"/>.</summary>
public sealed class WebSocketAuthentication
{
    private WebSocketAuthentication(bool isRejected, ClaimsPrincipal user, DateTimeOffset? expiresAt)
    {
        IsRejected = isRejected;
        User = user;
        ExpiresAt = expiresAt;
    }

    /// <summary>A connection without credentials: operations run as an anonymous principal.</summary>
    public static WebSocketAuthentication Anonymous { get; } = new(false, new ClaimsPrincipal(new ClaimsIdentity()), null);

    /// <summary>Credentials were presented but are not valid: the socket closes with 4403.</summary>
    public static WebSocketAuthentication Rejected { get; } = new(true, new ClaimsPrincipal(new ClaimsIdentity()), null);

    /// <summary>Whether the connection is refused.</summary>
    public bool IsRejected { get; }

    /// <summary>The principal operations on this connection run as.</summary>
    public ClaimsPrincipal User { get; }

    /// <summary>When the credentials stop being valid (clock skew included); the socket closes with 4403 then. Null: never.</summary>
    public DateTimeOffset? ExpiresAt { get; }

    /// <summary>A connection acting as <paramref name="user"/> until <paramref name="expiresAt"/> (null: no expiry).</summary>
    public static WebSocketAuthentication Authenticated(ClaimsPrincipal user, DateTimeOffset? expiresAt)
    {
        ArgumentNullException.ThrowIfNull(user);
        return new WebSocketAuthentication(false, user, expiresAt);
    }
}
