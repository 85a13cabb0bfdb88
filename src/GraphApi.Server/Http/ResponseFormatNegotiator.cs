using Microsoft.AspNetCore.Http;
using Microsoft.Net.Http.Headers;

namespace GraphApi.Server.Http;

/// <summary>Picks the response media type from the Accept header, as the GraphQL-over-HTTP spec describes.</summary>
internal static class ResponseFormatNegotiator
{
    /// <summary>
    /// <c>application/graphql-response+json</c> when accepted (preferred unless application/json has a
    /// strictly higher quality); <c>application/json</c> when it, a wildcard, or no Accept header is given
    /// (spec: legacy clients); <see langword="null"/> (406) otherwise.
    /// </summary>
    public static ResponseFormat? Negotiate(HttpRequest request)
    {
        if (!MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted) || accepted.Count == 0)
        {
            return ResponseFormat.Json;
        }

        double graphQLQuality = 0, jsonQuality = 0, wildcardQuality = 0;
        foreach (var mediaType in accepted)
        {
            var quality = mediaType.Quality ?? 1;
            var type = mediaType.MediaType.Value;
            if (string.Equals(type, GraphQLMediaTypes.GraphQLResponseJson, StringComparison.OrdinalIgnoreCase))
            {
                graphQLQuality = Math.Max(graphQLQuality, quality);
            }
            else if (string.Equals(type, GraphQLMediaTypes.Json, StringComparison.OrdinalIgnoreCase))
            {
                jsonQuality = Math.Max(jsonQuality, quality);
            }
            else if (type is "*/*" || string.Equals(type, "application/*", StringComparison.OrdinalIgnoreCase))
            {
                wildcardQuality = Math.Max(wildcardQuality, quality);
            }
        }

        if (graphQLQuality > 0 && graphQLQuality >= jsonQuality)
        {
            return ResponseFormat.GraphQLResponseJson;
        }

        return jsonQuality > 0 || wildcardQuality > 0 ? ResponseFormat.Json : null;
    }

    public static bool AcceptsHtml(HttpRequest request) =>
        MediaTypeHeaderValue.TryParseList(request.Headers.Accept, out var accepted)
        && accepted.Any(m => m.Quality is not 0
            && string.Equals(m.MediaType.Value, GraphQLMediaTypes.Html, StringComparison.OrdinalIgnoreCase));
}
