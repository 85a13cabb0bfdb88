using System.Security.Claims;
using System.Text;
using GraphApi.Tests.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Tests.Authorization;

/// <summary>A bad token never fails a request: the caller is anonymous and guarded fields say so.</summary>
public sealed class BearerTokenTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    public static TheoryData<string, string> BadTokens => new()
    {
        { "expired", Token(GraphApiFactory.SigningKey, expires: DateTime.UtcNow.AddMinutes(-5)) },
        { "wrong key", Token("another-signing-key-that-is-long-enough-0123456789") },
        { "wrong issuer", Token(GraphApiFactory.SigningKey, issuer: "someone-else") },
        { "wrong audience", Token(GraphApiFactory.SigningKey, audience: "someone-else") },
        { "alg none", Unsigned() },
        { "malformed", "not.a.jwt" },
        { "garbage", "%%%%" },
    };

    [Theory]
    [MemberData(nameof(BadTokens))]
    public async Task A_bad_token_makes_the_request_anonymous(string why, string token)
    {
        var response = await fixture.Factory.Client(token).PostAsync("{ me { username } products(first: 1) { totalCount } }");

        Assert.True(response.Status == System.Net.HttpStatusCode.OK, why + ": " + response.Body);
        Assert.Null(response.Data!["me"]);
        Assert.Equal(5, response.Data!["products"]!["totalCount"]!.GetValue<int>());
        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
    }

    [Fact]
    public async Task A_token_within_the_clock_skew_still_works()
    {
        var token = Token(GraphApiFactory.SigningKey, expires: DateTime.UtcNow.AddSeconds(-10), subject: fixture.Data.Alice.Id);

        var response = await fixture.Factory.Client(token).PostAsync("{ me { username } }");

        response.AssertNoErrors();
        Assert.Equal("Alice", response.Data!["me"]!["username"]!.GetValue<string>());
    }

    private static string Token(
        string key, DateTime? expires = null, string issuer = "GraphApi", string audience = "GraphApi", int subject = 1)
    {
        var expiry = expires ?? DateTime.UtcNow.AddMinutes(5);
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = expiry.AddMinutes(-10),
            NotBefore = expiry.AddMinutes(-10),
            Expires = expiry,
            Subject = new ClaimsIdentity([new Claim("sub", subject.ToString(System.Globalization.CultureInfo.InvariantCulture)), new Claim("role", "ADMIN")]),
            SigningCredentials = new SigningCredentials(new SymmetricSecurityKey(Encoding.UTF8.GetBytes(key)), SecurityAlgorithms.HmacSha256),
        });
    }

    private static string Unsigned()
    {
        static string Part(string json) => Base64UrlEncoder.Encode(json);
        var exp = DateTimeOffset.UtcNow.AddMinutes(5).ToUnixTimeSeconds();
        return Part("{\"alg\":\"none\",\"typ\":\"JWT\"}") + "." +
               Part($"{{\"sub\":\"1\",\"role\":\"ADMIN\",\"iss\":\"GraphApi\",\"aud\":\"GraphApi\",\"exp\":{exp}}}") + ".";
    }
}
