using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Ide;

/// <summary>
/// The settings Banana Cake Pop fetches from <c>bcp-config.json</c> beside its page when hosted by a server
/// ("middleware" mode), so the browser needs no manual connection set-up.
/// </summary>
internal sealed record IdeConfiguration(
    [property: JsonPropertyName("endpoint")] string Endpoint,
    [property: JsonPropertyName("subscriptionEndpoint")] string SubscriptionEndpoint)
{
    public const string FileName = "bcp-config.json";

    /// <summary>The GraphQL endpoint on the request's own origin, over HTTP(S) and WS(S).</summary>
    public static IdeConfiguration For(HttpRequest request, PathString graphQLPath)
    {
        var path = request.PathBase.Add(graphQLPath).ToUriComponent();
        var host = request.Host.ToUriComponent();
        var socketScheme = request.IsHttps ? "wss" : "ws";
        return new IdeConfiguration(
            Endpoint: $"{request.Scheme}://{host}{path}",
            SubscriptionEndpoint: $"{socketScheme}://{host}{path}");
    }
}
