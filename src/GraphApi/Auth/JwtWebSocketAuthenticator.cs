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

    /// <summary>The token's own claims: checked when it is validated, not read by operations.</summary>
    private static readonly HashSet<string> TokenClaims = new(StringComparer.Ordinal)
    {
        JwtRegisteredClaimNames.Exp, JwtRegisteredClaimNames.Nbf, JwtRegisteredClaimNames.Iat, JwtRegisteredClaimNames.Jti,
        JwtRegisteredClaimNames.Iss, JwtRegisteredClaimNames.Aud, JwtRegisteredClaimNames.AuthTime,
    };

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
        return WebSocketAuthentication.Authenticated(new ClaimsPrincipal(KeptForTheSocket(result.ClaimsIdentity, parameters.ValidIssuer)), expiresAt);
    }

    /// <summary>
    /// What a socket keeps of the identity for as long as it is open (10,000 idle sockets keep 10,000 of them):
    /// <list type="bullet">
    /// <item>not the parsed token the claims came from (raw text, decoded parts, a second set of claims: a few KiB);</item>
    /// <item>not the token's own lifetime, id, issuer and audience claims (<see cref="TokenClaims"/>): they were checked
    /// just now, and the socket closes at expiry by itself (<see cref="WebSocketAuthentication.ExpiresAt"/>);</item>
    /// <item>claim types, role names and the issuer as the strings the process already holds, not copies per token.</item>
    /// </list>
    /// </summary>
    internal static ClaimsIdentity KeptForTheSocket(ClaimsIdentity identity, string? issuer)
    {
        string Shared(string text) => text == issuer ? issuer : string.IsInterned(text) ?? text;
        return new CaseSensitiveClaimsIdentity(
            identity.Claims
                .Where(claim => !TokenClaims.Contains(claim.Type))
                .Select(claim => new Claim(
                    Shared(claim.Type), Shared(claim.Value), claim.ValueType, Shared(claim.Issuer), Shared(claim.OriginalIssuer))),
            identity.AuthenticationType,
            identity.NameClaimType,
            identity.RoleClaimType);
    }

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
