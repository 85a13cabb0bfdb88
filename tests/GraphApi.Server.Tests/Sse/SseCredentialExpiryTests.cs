using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using GraphApi.Server.Tests.WebSockets.Realtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Sse;

/// <summary>
/// An SSE stream ends (a <c>complete</c> event, then the response ends) once its token's expiry plus the clock
/// skew has passed (decisions.md, "Abuse resistance"), as a socket closes with 4403.
/// </summary>
public sealed class SseCredentialExpiryTests
{
    private const string ExpiryHeader = "X-Test-Exp";
    private static readonly TimeSpan Skew = TimeSpan.FromSeconds(1);

    [Fact]
    public async Task A_stream_completes_once_exp_plus_the_skew_has_passed_while_one_without_exp_stays_open()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        using var lasting = await OpenAsync(http, host, exp: null);
        await host.Feed.WaitForSubscribersAsync(1);
        var exp = DateTimeOffset.UtcNow.AddSeconds(2);
        using var expiring = await OpenAsync(http, host, exp.ToUnixTimeSeconds());
        await host.Feed.WaitForSubscribersAsync(2);

        var events = await ReadUntilEndAsync(expiring);
        var endedAt = DateTimeOffset.UtcNow;

        Assert.Equal(["complete"], events);
        // Timers and the wall clock may disagree by a few milliseconds; the skew is a whole second.
        Assert.True(
            endedAt >= DateTimeOffset.FromUnixTimeSeconds(exp.ToUnixTimeSeconds()) + Skew - TimeSpan.FromMilliseconds(100),
            $"The stream ended at {endedAt:O}, before exp + skew.");
        await host.Feed.WaitForSubscribersAsync(1); // its subscription is released; the other one still listens
        host.Feed.Publish(5);
        Assert.StartsWith("event: next", await ReadEventAsync(lasting));
    }

    [Fact]
    public async Task Events_before_the_expiry_are_delivered_then_complete()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        using var expiring = await OpenAsync(http, host, DateTimeOffset.UtcNow.AddSeconds(3).ToUnixTimeSeconds());
        await host.Feed.WaitForSubscribersAsync(1);

        host.Feed.Publish(1);
        var events = await ReadUntilEndAsync(expiring);

        Assert.Equal(["next", "complete"], events);
        await host.Feed.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task An_already_expired_token_completes_at_once()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        using var expired = await OpenAsync(http, host, DateTimeOffset.UtcNow.AddSeconds(-10).ToUnixTimeSeconds());

        Assert.Equal(["complete"], await ReadUntilEndAsync(expired));
        await host.Feed.WaitForSubscribersAsync(0);
    }

    private static Task<RealtimeHost> StartAsync() => RealtimeHost.StartAsync(
        sse: o =>
        {
            o.KeepAliveInterval = TimeSpan.Zero;
            o.CredentialClockSkew = Skew;
        },
        configureServices: services => services.AddSingleton<IStartupFilter, ExpiringUserFilter>());

    private static async Task<StreamReader> OpenAsync(HttpClient http, RealtimeHost host, long? exp)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.HttpAddress)
        {
            Content = new StringContent("""{"query":"subscription { events }"}""", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        if (exp is { } seconds)
        {
            request.Headers.Add(ExpiryHeader, seconds.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        response.EnsureSuccessStatusCode();
        return new StreamReader(await response.Content.ReadAsStreamAsync());
    }

    /// <summary>Event names until the response ends; fails if it does not end within 15 s.</summary>
    private static async Task<List<string>> ReadUntilEndAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        var events = new List<string>();
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                events.Add(line["event: ".Length..]);
            }
        }

        return events;
    }

    private static async Task<string> ReadEventAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var line = await reader.ReadLineAsync(timeout.Token);
        return line ?? "(the response ended)";
    }

    /// <summary>Stands in for JWT bearer authentication: <c>X-Test-Exp</c> authenticates a user whose <c>exp</c> claim it carries.</summary>
    private sealed class ExpiringUserFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                var claims = new List<Claim> { new(ClaimTypes.Name, "streamer") };
                if (context.Request.Headers[ExpiryHeader] is [{ } exp])
                {
                    claims.Add(new Claim("exp", exp, ClaimValueTypes.Integer64));
                }

                context.User = new ClaimsPrincipal(new ClaimsIdentity(claims, authenticationType: "test"));
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
