using GraphApi.Server.Execution;
using System.Text.Json;
using GraphQL;

namespace GraphApi.Server.Data;

/// <summary>
/// Opaque keyset cursors: base64 of JSON holding the connection field (scope), the order signature and the sort
/// key values of the row (the key last). Values, not offsets, so a cursor survives inserts.
/// </summary>
internal static class Cursor
{
    public static string Encode<T>(T node, string scope, SortSpec<T> sort)
    {
        var payload = new Payload(scope, sort.Signature, sort.Fields.Select(field => field.Member.Read(node)).ToArray());
        return Convert.ToBase64String(JsonSerializer.SerializeToUtf8Bytes(payload));
    }

    /// <summary>The sort key values of the cursor, typed like the sort members; INVALID_CURSOR when unusable.</summary>
    public static object?[] Decode<T>(string cursor, string scope, SortSpec<T> sort)
    {
        JsonPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize<JsonPayload>(Convert.FromBase64String(cursor));
        }
        catch (Exception exception) when (exception is FormatException or JsonException)
        {
            throw Invalid("The cursor is malformed.");
        }

        if (payload is null || payload.S != scope)
        {
            throw Invalid("The cursor belongs to another connection.");
        }

        if (payload.O != sort.Signature || payload.V is null || payload.V.Length != sort.Fields.Count)
        {
            throw Invalid("The cursor was made under another order.");
        }

        object?[] values;
        try
        {
            values = sort.Fields
                .Select((field, i) => InputValueConverter.Convert(payload.V[i].Deserialize(field.Member.Type), field.Member.Type))
                .ToArray();
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            throw Invalid("The cursor is malformed.");
        }

        // Sort members are non-null, so a null can only come from a forged cursor.
        return values.Contains(null) ? throw Invalid("The cursor is malformed.") : values;
    }

    private static ExecutionError Invalid(string message) => new(message) { Code = ErrorCodes.InvalidCursor };

    private sealed record Payload(string S, string O, object?[] V);

    private sealed record JsonPayload(string? S, string? O, JsonElement[]? V);
}
