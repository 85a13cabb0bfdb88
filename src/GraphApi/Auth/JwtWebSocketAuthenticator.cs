using System.Security.Claims;
using GraphApi.Server.WebSockets;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Auth;

/// <summary>
/// Authenticates a WebSocket with the same JWT rules as HTTP: the token of the connection_init payload
/// (<c>authorization</c> or <c>Authorization</c>), else of the upgrade request. No token: an anonymous socket.
/// A bad token rejects the connection (4403); a good one lasts until its expiry plus the clock skew.
/// </summary>
internal sealed class JwtWebSocketAuthenticator(IOptionsMonitor<JwtBearerOptions> bearer) : IWebSocketAuthenticator
{
    private static readonly JsonWebTokenHandler Handler = new() { MapInboundClaims = false };

    public async ValueTask<WebSocketAuthentication> AuthenticateAsync(
        HttpContext upgradeRequest, IReadOnlyDictionary<string, object?>? initPayload, CancellationToken cancellationToken)
    {
        var credentials = FromPayload(initPayload) ?? upgradeRequest.Request.Headers[HeaderNames.Authorization].ToString();
        if (string.IsNullOrWhiteSpace(credentials))
        {
            return WebSocketAuthentication.Anonymous;
        }

        const string scheme = "Bearer ";
        var token = credentials.StartsWith(scheme, StringComparison.OrdinalIgnoreCase) ? credentials[scheme.Length..].Trim() : credentials.Trim();
        var parameters = bearer.Get(JwtBearerDefaults.AuthenticationScheme).TokenValidationParameters;
        var result = await Handler.ValidateTokenAsync(token, parameters).ConfigureAwait(false);
        if (!result.IsValid || result.SecurityToken is not JsonWebToken jwt)
        {
            return WebSocketAuthentication.Rejected;
        }

        var expiresAt = new DateTimeOffset(jwt.ValidTo, TimeSpan.Zero) + parameters.ClockSkew;
        return WebSocketAuthentication.Authenticated(new ClaimsPrincipal(WithoutToken(result.ClaimsIdentity)), expiresAt);
    }

    /// <summary>
    /// The identity's claims without the parsed token they came from: a socket keeps its principal for as long as it
    /// is open, and the token (raw text, decoded parts, a second set of claims) would cost a few KiB per socket.
    /// </summary>
    private static ClaimsIdentity WithoutToken(ClaimsIdentity identity) => new CaseSensitiveClaimsIdentity(
        identity.Claims.Select(claim => new Claim(claim.Type, claim.Value, claim.ValueType, claim.Issuer, claim.OriginalIssuer)),
        identity.AuthenticationType,
        identity.NameClaimType,
        identity.RoleClaimType);

    private static string? FromPayload(IReadOnlyDictionary<string, object?>? payload)
    {
        if (payload is null)
        {
            return null;
        }

        foreach (var key in (string[])["authorization", "Authorization"])
        {
            if (payload.TryGetValue(key, out var value) && value is not null)
            {
                return value.ToString();
            }
        }

        return null;
    }
}
