using System.Text.Json;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>
/// A manifest JSON <c>{ "&lt;hash&gt;": "&lt;document&gt;" }</c>, read once at first use. Keys are taken as the client
/// build wrote them (lower-cased), so a manifest hashed with another algorithm still serves its own ids.
/// </summary>
internal sealed class ManifestDocumentStore(string path) : ITrustedDocumentStore
{
    private readonly Lazy<Dictionary<string, string>> _documents = new(() => Load(path));

    public string? Find(string key) => _documents.Value.GetValueOrDefault(key);

    /// <summary>Reads the manifest; a file that is not such an object stops with a message naming it.</summary>
    public static Dictionary<string, string> Load(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new JsonException("The manifest is null.");
            return entries.ToDictionary(e => e.Key.ToLowerInvariant(), e => e.Value, StringComparer.Ordinal);
        }
        catch (JsonException error)
        {
            throw new InvalidOperationException(
                $"The persisted operation manifest '{path}' must be a JSON object of hash to document text: {error.Message}", error);
        }
    }
}
