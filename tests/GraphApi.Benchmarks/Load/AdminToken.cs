using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace GraphApi.Benchmarks.Load;

/// <summary>
/// An HS256 token with the claims the app issues (sub, username, role), signed with the key the load run gives
/// the server. Minted here so the load run measures queries, not Argon2 or the login rate limits; the server validates
/// it as its own.
/// </summary>
internal static class AdminToken
{
    public static string Create(string signingKey, string issuer, string audience, TimeSpan lifetime)
    {
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        var header = new { alg = "HS256", typ = "JWT" };
        var payload = new Dictionary<string, object>
        {
            ["sub"] = "1",
            ["username"] = "loadadmin",
            ["role"] = "ADMIN",
            ["iss"] = issuer,
            ["aud"] = audience,
            ["iat"] = now,
            ["nbf"] = now,
            ["exp"] = now + (long)lifetime.TotalSeconds,
        };
        var unsigned = Base64Url(JsonSerializer.SerializeToUtf8Bytes(header)) + "." + Base64Url(JsonSerializer.SerializeToUtf8Bytes(payload));
        var signature = HMACSHA256.HashData(Encoding.UTF8.GetBytes(signingKey), Encoding.ASCII.GetBytes(unsigned));
        return unsigned + "." + Base64Url(signature);
    }

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
