namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>Documents the operator shipped (a directory or a manifest): looked up by id, never written by requests.</summary>
internal interface ITrustedDocumentStore
{
    /// <summary>The document for <paramref name="key"/> (a lower-case id without prefix), or <see langword="null"/>.</summary>
    string? Find(string key);
}
