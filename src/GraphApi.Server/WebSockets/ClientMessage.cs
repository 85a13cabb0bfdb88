using System.Text.Json;

namespace GraphApi.Server.WebSockets;

/// <summary>A client message of either subprotocol: <c>{"type": ..., "id"?: ..., "payload"?: ...}</c>.</summary>
internal sealed record ClientMessage(string Type, string? Id, JsonElement? Payload)
{
    /// <summary>Parses <paramref name="text"/>; <see langword="null"/> plus a reason when it is not such a message.</summary>
    public static ClientMessage? Parse(string text, out string? invalidReason)
    {
        invalidReason = null;
        try
        {
            using var json = JsonDocument.Parse(text);
            var root = json.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                invalidReason = "A message must be a JSON object.";
                return null;
            }

            if (!root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String)
            {
                invalidReason = "A message must have a string 'type'.";
                return null;
            }

            string? id = null;
            if (root.TryGetProperty("id", out var idElement) && idElement.ValueKind != JsonValueKind.Null)
            {
                if (idElement.ValueKind != JsonValueKind.String)
                {
                    invalidReason = "A message 'id' must be a string.";
                    return null;
                }

                id = idElement.GetString();
            }

            JsonElement? payload = root.TryGetProperty("payload", out var payloadElement) && payloadElement.ValueKind != JsonValueKind.Null
                ? payloadElement.Clone()
                : null;
            return new ClientMessage(type.GetString()!, id, payload);
        }
        catch (JsonException)
        {
            invalidReason = "A message must be valid JSON.";
            return null;
        }
    }
}
