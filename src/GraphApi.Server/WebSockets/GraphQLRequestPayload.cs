using System.Text.Json;
using GraphApi.Server.Execution.PersistedOperations;
using GraphQL;
using GraphQL.Transport;

namespace GraphApi.Server.WebSockets;

/// <summary>Reads the GraphQL request carried in a <c>subscribe</c>/<c>start</c> payload.</summary>
internal static class GraphQLRequestPayload
{
    /// <summary>
    /// The request, or <see langword="null"/> when the payload is not an object naming its document by a string
    /// <c>query</c>, a <c>documentId</c>/<c>id</c> or <c>extensions.persistedQuery</c>.
    /// </summary>
    public static GraphQLRequest? Read(IGraphQLTextSerializer serializer, JsonElement? payload)
    {
        if (payload is not { ValueKind: JsonValueKind.Object } element
            || (element.TryGetProperty("query", out var query) && query.ValueKind is not (JsonValueKind.String or JsonValueKind.Null)))
        {
            return null;
        }

        var documentId = RequestDocumentSource.ReadId(element, out var idError);
        if (idError is not null)
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

        return serializer.ReadNode<GraphQLRequest>(element) is { } request && RequestDocumentSource.HasDocument(request, documentId, out _)
            ? request
            : null;
    }
}
