using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GraphApi.Benchmarks.Load;

/// <summary>
/// An HS256 token with the claims the app issues (sub, username, role), signed with the key the load run gives
/// the server. Minted here so the load run measures queries, not Argon2 or the login rate limits; the server validates
/// it as its own.
/// </summary>
internal sealed record AccessToken(string SigningKey, string Issuer, string Audience)
{
    public string Create(int userId, string username, string role)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "HS256", typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["sub"] = userId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["username"] = username,
            ["role"] = role,
            ["iss"] = Issuer,
            ["aud"] = Audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)TimeSpan.FromMinutes(30).TotalSeconds,
        };
        var unsigned = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(SigningKey), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
