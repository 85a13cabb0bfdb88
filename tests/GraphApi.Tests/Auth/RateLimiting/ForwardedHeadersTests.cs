using GraphApi.Auth.RateLimiting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Auth.RateLimiting;

/// <summary>The client address behind a proxy: X-Forwarded-For counts only when a ForwardedHeaders:KnownProxies
/// address sent it; anyone else is counted under their own address whatever the header says.</summary>
public sealed class ForwardedHeadersTests
{
    private const string Proxy = "10.0.0.1";

    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["RateLimits:Login:PerIpPerMinute"] = "3",
        ["ForwardedHeaders:KnownProxies:0"] = Proxy,
    };

    [Fact]
    public async Task Through_a_known_proxy_each_forwarded_client_has_its_own_budget()
    {
        await using var app = await RateLimitedApp.StartAsync(Settings);
        for (var call = 1; call <= 3; call++)
        {
            Assert.False((await app.Http.InvalidRegistrationAsync(from: Proxy, forwardedFor: "203.0.113.7")).IsRateLimited());
        }

        var fourth = await app.Http.InvalidRegistrationAsync(from: Proxy, forwardedFor: "203.0.113.7");
        var anotherClient = await app.Http.InvalidRegistrationAsync(from: Proxy, forwardedFor: "203.0.113.8");

        Assert.True(fourth.IsRateLimited(), fourth.ToString());
        Assert.False(anotherClient.IsRateLimited(), anotherClient.ToString());
    }

    [Fact]
    public async Task From_an_unknown_sender_the_header_is_ignored_and_its_own_address_counts()
    {
        await using var app = await RateLimitedApp.StartAsync(Settings);
        for (var call = 1; call <= 3; call++)
        {
            Assert.False((await app.Http.InvalidRegistrationAsync(from: "10.0.0.2", forwardedFor: $"203.0.113.{call}")).IsRateLimited());
        }

        var fourth = await app.Http.InvalidRegistrationAsync(from: "10.0.0.2", forwardedFor: "203.0.113.4");

        Assert.True(fourth.IsRateLimited(), fourth.ToString());
    }

    [Fact]
    public async Task Loopback_is_not_trusted_unless_listed()
    {
        await using var app = await RateLimitedApp.StartAsync(Settings);
        for (var call = 1; call <= 3; call++)
        {
            Assert.False((await app.Http.InvalidRegistrationAsync(from: "127.0.0.1", forwardedFor: $"203.0.113.{call}")).IsRateLimited());
        }

        Assert.True((await app.Http.InvalidRegistrationAsync(from: "127.0.0.1", forwardedFor: "203.0.113.4")).IsRateLimited());
    }

    [Fact]
    public void A_known_proxy_that_is_not_an_address_stops_startup()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["ForwardedHeaders:KnownProxies:0"] = "proxy.internal" })
            .Build();

        var error = Assert.Throws<InvalidOperationException>(() => new ServiceCollection().AddKnownProxies(configuration));

        Assert.Contains("ForwardedHeaders:KnownProxies holds 'proxy.internal', which is not an IP address", error.Message, StringComparison.Ordinal);
    }
}
