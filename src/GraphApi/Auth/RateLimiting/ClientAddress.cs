using System.Net;

namespace GraphApi.Auth.RateLimiting;

/// <summary>
/// The caller's IP address as the rate limits key it: the connection's remote address, which the forwarded-headers
/// middleware has already replaced with X-Forwarded-For's when the request came through a known proxy.
/// </summary>
internal sealed class ClientAddress(IHttpContextAccessor http)
{
    /// <summary>Shared by every caller whose address is unknown (e.g. an in-memory test server).</summary>
    public const string Unknown = "unknown";

    public string Current => Key(http.HttpContext?.Connection.RemoteIpAddress);

    public static string Key(IPAddress? address) => address switch
    {
        null => Unknown,
        { IsIPv4MappedToIPv6: true } => address.MapToIPv4().ToString(),
        _ => address.ToString(),
    };
}
