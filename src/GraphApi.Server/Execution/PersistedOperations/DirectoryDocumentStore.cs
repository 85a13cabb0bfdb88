using System.Collections.Concurrent;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>
/// A directory of <c>&lt;sha256-hex&gt;.graphql</c> files. A file is read on its first lookup (so documents added to the
/// directory later are found without a restart) and kept; one whose text does not hash to its
/// name (edited after <c>GraphApi operations add</c> wrote it) is not served.
/// </summary>
internal sealed class DirectoryDocumentStore(string directory) : ITrustedDocumentStore
{
    public const string Extension = ".graphql";

    private readonly ConcurrentDictionary<string, string> _documents = new(StringComparer.Ordinal);

    public string? Find(string key)
    {
        // Only a hash can name a file: nothing else reaches the file system (no paths, no traversal).
        if (!DocumentHash.IsSha256Hex(key))
        {
            return null;
        }

        if (_documents.TryGetValue(key, out var cached))
        {
            return cached;
        }

        var path = Path.Combine(directory, key + Extension);
        if (!File.Exists(path))
        {
            return null;
        }

        // A file edited after it was added no longer is the trusted document: not served.
        var document = File.ReadAllText(path);
        return DocumentHash.Of(document) != key ? null : _documents.GetOrAdd(key, document);
    }
}
