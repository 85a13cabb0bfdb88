using System.Globalization;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using GraphApi.Tests.Hosting;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace GraphApi.Tests.Realtime;

/// <summary>
/// The app's JWTs end SSE streams as they close sockets (decisions.md, "Abuse resistance"): at exp plus the
/// configured clock skew (Jwt:ClockSkewSeconds, 1 s here), a <c>complete</c> event, then the response ends.
/// </summary>
public sealed class SseTokenExpiryTests(SseTokenExpiryTests.ShortSkewFixture fixture) : IClassFixture<SseTokenExpiryTests.ShortSkewFixture>
{
    private const int SkewSeconds = 1;

    [Fact]
    public async Task A_stream_opened_with_a_token_that_expires_ends_after_exp_plus_the_skew()
    {
        var expires = DateTime.UtcNow.AddSeconds(3);
        using var http = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "subscription { orderEvents { kind } }" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", AdminToken(fixture.Data.Admin.Id, expires));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(20));
        var events = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                events.Add(line["event:".Length..].Trim());
            }
        }

        var endedAt = DateTime.UtcNow;
        Assert.Equal(["complete"], events); // no errors: the subscription was accepted, then ended by the expiry
        var exp = DateTimeOffset.FromUnixTimeSeconds(new DateTimeOffset(expires).ToUnixTimeSeconds()).UtcDateTime;
        // Timers and the wall clock may disagree by a few milliseconds; the skew is a whole second.
        Assert.True(
            endedAt >= exp.AddSeconds(SkewSeconds).AddMilliseconds(-100),
            $"Ended at {endedAt:O}, before exp {exp:O} + {SkewSeconds} s.");
    }

    private static string AdminToken(int userId, DateTime expires) => new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
    {
        Issuer = "GraphApi",
        Audience = "GraphApi",
        IssuedAt = expires.AddMinutes(-10),
        NotBefore = expires.AddMinutes(-10),
        Expires = expires,
        Subject = new ClaimsIdentity([new Claim("sub", userId.ToString(CultureInfo.InvariantCulture)), new Claim("role", "ADMIN")]),
        SigningCredentials = new SigningCredentials(
            new SymmetricSecurityKey(Encoding.UTF8.GetBytes(GraphApiFactory.SigningKey)), SecurityAlgorithms.HmacSha256),
    });

    public sealed class ShortSkewFixture() : GraphApiFixture(() => Task.FromResult(new GraphApiFactory(new Dictionary<string, string?>
    {
        ["Jwt:ClockSkewSeconds"] = SkewSeconds.ToString(CultureInfo.InvariantCulture),
    })));
}
