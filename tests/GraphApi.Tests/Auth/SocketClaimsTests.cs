using System.Security.Claims;
using System.Text;
using GraphApi.Auth;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Tests.Auth;

public sealed class SocketClaimsTests
{
    // Built at run time, as configuration is: not an interned literal.
    private static readonly string Issuer = "graphapi-tests-" + Guid.NewGuid().ToString("N");
    private static readonly SymmetricSecurityKey Key = new(Encoding.UTF8.GetBytes("socket-claims-test-signing-key-0123456789abcdef"));

    [Fact]
    public async Task A_socket_keeps_the_claims_operations_read_and_not_the_token_s_own()
    {
        var identity = await ValidatedAsync(userId: 7, role: AppClaims.AdminRole);

        var kept = JwtWebSocketAuthenticator.KeptForTheSocket(identity, Issuer);

        Assert.Equal(
            ["role:ADMIN", "sub:7", "username:user7"],
            kept.Claims.Select(claim => claim.Type + ":" + claim.Value).Order(StringComparer.Ordinal));
        Assert.Contains(identity.Claims, claim => claim.Type == JwtRegisteredClaimNames.Jti); // there to be dropped
        var user = new ClaimsPrincipal(kept);
        Assert.Equal(7, user.UserId());
        Assert.True(user.IsAdmin());
        Assert.True(user.Identity!.IsAuthenticated);
    }

    [Fact]
    public async Task Sockets_of_different_tokens_share_claim_types_role_names_and_the_issuer()
    {
        var first = JwtWebSocketAuthenticator.KeptForTheSocket(await ValidatedAsync(1, AppClaims.CustomerRole), Issuer);
        var second = JwtWebSocketAuthenticator.KeptForTheSocket(await ValidatedAsync(2, AppClaims.CustomerRole), Issuer);

        var (a, b) = (first.FindFirst(AppClaims.Role)!, second.FindFirst(AppClaims.Role)!);
        Assert.Same(a.Type, b.Type);
        Assert.Same(a.Value, b.Value);
        Assert.Same(Issuer, a.Issuer);
        Assert.Same(Issuer, b.OriginalIssuer);
        Assert.NotEqual(first.FindFirst(AppClaims.Subject)!.Value, second.FindFirst(AppClaims.Subject)!.Value);
    }

    private static async Task<ClaimsIdentity> ValidatedAsync(int userId, string role)
    {
        var handler = new JsonWebTokenHandler { MapInboundClaims = false };
        var token = handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = Issuer,
            Audience = "graphapi",
            Expires = DateTime.UtcNow.AddMinutes(5),
            Subject = new ClaimsIdentity(
            [
                new Claim(AppClaims.Subject, userId.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(AppClaims.Username, "user" + userId),
                new Claim(AppClaims.Role, role),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256),
        });
        // The issuer the validation parameters hold is a copy: the socket shares the one it is given.
        var result = await handler.ValidateTokenAsync(token, new TokenValidationParameters
        {
            ValidIssuer = new string(Issuer.AsSpan()),
            ValidAudience = "graphapi",
            IssuerSigningKey = Key,
            RoleClaimType = AppClaims.Role,
            NameClaimType = AppClaims.Username,
        });
        Assert.True(result.IsValid, result.Exception?.Message);
        return result.ClaimsIdentity;
    }
}
