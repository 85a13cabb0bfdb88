using GraphQL;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>Apollo's automatic persisted query request: <c>extensions.persistedQuery { version: 1, sha256Hash }</c>.</summary>
internal sealed record PersistedQueryExtension(string Sha256Hash)
{
    public const string Name = "persistedQuery";

    /// <summary>
    /// Reads the extension from <paramref name="extensions"/>: <see langword="null"/> with no error when absent, an error
    /// message when present but not version 1 with a 64-hex-digit <c>sha256Hash</c>.
    /// </summary>
    public static PersistedQueryExtension? Read(Inputs? extensions, out string? error)
    {
        error = null;
        if (extensions is null || !extensions.TryGetValue(Name, out var value) || value is null)
        {
            return null;
        }

        if (value is not IReadOnlyDictionary<string, object?> persistedQuery
            || !persistedQuery.TryGetValue("version", out var version)
            || !IsOne(version)
            || !persistedQuery.TryGetValue("sha256Hash", out var hash)
            || hash is not string sha256Hash
            || !DocumentHash.IsSha256Hex(sha256Hash))
        {
            error = "extensions.persistedQuery must be { \"version\": 1, \"sha256Hash\": \"<64 hex digits>\" }.";
            return null;
        }

        return new PersistedQueryExtension(sha256Hash.ToLowerInvariant());
    }

    private static bool IsOne(object? version) => version switch
    {
        int i => i == 1,
        long l => l == 1,
        decimal d => d == 1,
        double f => f == 1,
        _ => false,
    };
}
