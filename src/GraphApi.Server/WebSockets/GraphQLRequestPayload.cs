using System.Text.Json;
using GraphQL;
using GraphQL.Transport;

namespace GraphApi.Server.WebSockets;

/// <summary>Reads the GraphQL request carried in a <c>subscribe</c>/<c>start</c> payload.</summary>
internal static class GraphQLRequestPayload
{
    /// <summary>The request, or <see langword="null"/> when the payload is not an object with a string <c>query</c>.</summary>
    public static GraphQLRequest? Read(IGraphQLTextSerializer serializer, JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element
            || !element.TryGetProperty("query", out var query)
            || query.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        foreach (var name in (string[])["variables", "extensions"])
        {
            if (element.TryGetProperty(name, out var map) && map.ValueKind is not (JsonValueKind.Object or JsonValueKind.Null))
            {
                return null;
            }
        }

        return serializer.ReadNode<GraphQLRequest>(element);
    }
}
