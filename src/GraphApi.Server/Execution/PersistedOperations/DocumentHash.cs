using System.Buffers;
using System.Security.Cryptography;
using System.Text;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>The one hash of persisted operations: SHA-256 of the document text as UTF-8, lower-case hex.</summary>
public static class DocumentHash
{
    /// <summary>The prefix a <c>documentId</c> may carry (GraphQL-over-HTTP trusted documents).</summary>
    public const string Sha256Prefix = "sha256:";

    /// <summary>Length of a SHA-256 hash in hex digits.</summary>
    public const int HexLength = 64;

    /// <summary>SHA-256 of <paramref name="document"/> (UTF-8), as 64 lower-case hex digits.</summary>
    public static string Of(string document)
    {
        ArgumentNullException.ThrowIfNull(document);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(document.Length));
        try
        {
            var length = Encoding.UTF8.GetBytes(document, bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes.AsSpan(0, length), hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

    /// <summary>True when <paramref name="value"/> is 64 hex digits (either case).</summary>
    public static bool IsSha256Hex(string? value) =>
        value is { Length: HexLength } && value.All(char.IsAsciiHexDigit);

    /// <summary>The lookup key of a <c>documentId</c>: without its <c>sha256:</c> prefix, lower case.</summary>
    internal static string KeyOf(string documentId) =>
        (documentId.StartsWith(Sha256Prefix, StringComparison.OrdinalIgnoreCase) ? documentId[Sha256Prefix.Length..] : documentId)
            .ToLowerInvariant();
}
