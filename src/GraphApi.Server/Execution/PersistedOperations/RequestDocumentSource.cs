using System.Text.Json;
using GraphQL.Transport;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>
/// How a transport payload names its document besides <c>query</c>: <c>documentId</c> (GraphQL over HTTP) or Hot
/// Chocolate's <c>id</c>, and Apollo's <c>extensions.persistedQuery</c>. Shared by the HTTP, WebSocket and SSE parsers.
/// </summary>
internal static class RequestDocumentSource
{
    private static readonly string[] IdNames = ["documentId", "id"];

    /// <summary>The id in a JSON payload, or an error message when <c>documentId</c>/<c>id</c> is not a string.</summary>
    public static string? ReadId(JsonElement payload, out string? error)
    {
        error = null;
        foreach (var name in IdNames)
        {
            if (!payload.TryGetProperty(name, out var id) || id.ValueKind == JsonValueKind.Null)
            {
                continue;
            }

            if (id.ValueKind != JsonValueKind.String || id.GetString() is not { Length: > 0 } value)
            {
                error = $"The '{name}' property must be a non-empty string.";
                return null;
            }

            return value;
        }

        return null;
    }

    /// <summary>
    /// Completes <paramref name="request"/> with <paramref name="id"/> (when it has no <c>documentId</c> yet) and says
    /// whether it names a document at all; <paramref name="error"/> is set for a malformed <c>extensions.persistedQuery</c>.
    /// </summary>
    public static bool HasDocument(GraphQLRequest request, string? id, out string? error)
    {
        request.DocumentId ??= id;
        var persistedQuery = PersistedQueryExtension.Read(request.Extensions, out error);
        return error is null
            && (!string.IsNullOrEmpty(request.Query) || request.DocumentId is not null || persistedQuery is not null);
    }
}
