using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace GraphApi.Auth.RateLimiting;

/// <summary>
/// X-Forwarded-For, honoured only from the proxies in <c>ForwardedHeaders:KnownProxies</c> (a list of IP addresses;
/// default none, not even loopback), so a client cannot choose the address its rate limits are counted under.
/// </summary>
internal static class KnownProxies
{
    public const string SectionName = "ForwardedHeaders:KnownProxies";

    /// <summary>Reads and checks the list now, so a typo stops start-up instead of failing the first request.</summary>
    public static IServiceCollection AddKnownProxies(this IServiceCollection services, IConfiguration configuration)
    {
        var proxies = Parse(configuration.GetSection(SectionName).Get<string[]>() ?? []);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            options.KnownProxies.Clear();
            options.KnownIPNetworks.Clear();
            foreach (var proxy in proxies)
            {
                options.KnownProxies.Add(proxy);
            }
        });
        return services;
    }

    private static List<IPAddress> Parse(IEnumerable<string> entries)
    {
        var proxies = new List<IPAddress>();
        foreach (var entry in entries.Where(e => !string.IsNullOrWhiteSpace(e)))
        {
            if (!IPAddress.TryParse(entry.Trim(), out var address))
            {
                throw new InvalidOperationException(
                    $"{SectionName} holds '{entry}', which is not an IP address (list each proxy's address).");
            }

            proxies.Add(address);
        }

        return proxies;
    }
}
