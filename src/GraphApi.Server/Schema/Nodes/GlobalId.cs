using System.Globalization;
using System.Text;
using GraphApi.Server.Execution;
using GraphQL;

namespace GraphApi.Server.Schema.Nodes;

/// <summary>
/// Global object IDs in Hot Chocolate's format: base64 of <c>TypeName:key</c> (Product 1 is <c>UHJvZHVjdDox</c>).
/// Clients treat them as opaque; a malformed ID or one of the wrong type is an <c>INVALID_ID</c> error.
/// </summary>
public static class GlobalId
{
    // Every node and edge of a page encodes one: the text is built on the stack, so an ID costs one string.
    private const int StackTextBytes = 128;

    public static string Encode(string typeName, object key)
    {
        Span<byte> text = stackalloc byte[StackTextBytes];
        if (key is IUtf8SpanFormattable formattable
            && Encoding.UTF8.TryGetBytes(typeName, text, out var length)
            && length < text.Length)
        {
            text[length++] = (byte)':';
            if (formattable.TryFormat(text[length..], out var written, default, CultureInfo.InvariantCulture))
            {
                return Convert.ToBase64String(text[..(length + written)]);
            }
        }

        return Convert.ToBase64String(Encoding.UTF8.GetBytes(typeName + ":" + Convert.ToString(key, CultureInfo.InvariantCulture)));
    }

    /// <summary>Decodes an ID into its type name and raw key text, or returns false when it is malformed.</summary>
    public static bool TryDecode(string? id, out string typeName, out string key)
    {
        typeName = key = "";
        if (string.IsNullOrEmpty(id) || id.Length > 512)
        {
            return false;
        }

        var bytes = new byte[id.Length];
        if (!Convert.TryFromBase64String(id, bytes, out var written))
        {
            return false;
        }

        string text;
        try
        {
            text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes, 0, written);
        }
        catch (DecoderFallbackException)
        {
            return false;
        }

        var colon = text.IndexOf(':', StringComparison.Ordinal);
        if (colon <= 0 || colon == text.Length - 1)
        {
            return false;
        }

        typeName = text[..colon];
        key = text[(colon + 1)..];
        return true;
    }

    /// <summary>Parses an ID that must name <paramref name="expectedType"/>; throws <c>INVALID_ID</c> otherwise.</summary>
    public static TKey Parse<TKey>(string? id, string expectedType)
        where TKey : IParsable<TKey>
    {
        if (TryDecode(id, out var typeName, out var raw)
            && typeName == expectedType
            && TKey.TryParse(raw, CultureInfo.InvariantCulture, out var key))
        {
            return key;
        }

        throw Invalid(id, expectedType);
    }

    internal static ExecutionError Invalid(string? id, string? expectedType) =>
        new(expectedType is null
            ? $"The ID '{Truncate(id)}' is not a valid ID."
            : $"The ID '{Truncate(id)}' is not a valid {expectedType} ID.")
        {
            Code = ErrorCodes.InvalidId,
        };

    private static string Truncate(string? id) =>
        id is null ? "" : id.Length <= 64 ? id : id[..64] + "…";
}
