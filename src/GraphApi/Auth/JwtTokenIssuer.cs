using System.Security.Claims;
using System.Text;
using GraphApi.Server;
using GraphApi.Users;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Auth;

/// <summary>Issues HS256 access tokens with subject, username, role, jti, iat and exp.</summary>
internal sealed class JwtTokenIssuer(IOptions<JwtOptions> options, TimeProvider clock)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string Token, DateTime ExpiresAt) Issue(User user)
    {
        var settings = options.Value;
        var now = clock.GetUtcNow().UtcDateTime;
        var expires = now.AddMinutes(settings.LifetimeMinutes);
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            IssuedAt = now,
            NotBefore = now,
            Expires = expires,
            Subject = new ClaimsIdentity(
            [
                new Claim(AppClaims.Subject, user.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new Claim(AppClaims.Username, user.Username),
                new Claim(AppClaims.Role, AppClaims.RoleName(user.Role)),
                new Claim(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
            ]),
            SigningCredentials = new SigningCredentials(SigningKey(settings), SecurityAlgorithms.HmacSha256),
        };
        var token = _handler.CreateToken(descriptor);
        return (token, UtcTime.TruncateToMilliseconds(expires));
    }

    public static SymmetricSecurityKey SigningKey(JwtOptions settings) =>
        new(Encoding.UTF8.GetBytes(settings.SigningKey ?? ""));
}
