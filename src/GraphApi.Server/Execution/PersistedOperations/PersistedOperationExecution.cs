using GraphApi.Server.Execution.Caching;
using GraphQL;
using GraphQL.DI;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>
/// Turns a <c>documentId</c> (or Hot Chocolate's <c>id</c>) or an automatic persisted query hash into document text,
/// and enforces <see cref="PersistedOperationOptions.OnlyPersisted"/>.
/// </summary>
/// <remarks>
/// Ordering: before the document cache (lower sort order), so a persisted document then goes through the cache,
/// the request limits, cost analysis and validation exactly as the same text sent by a client would.
/// </remarks>
internal sealed class PersistedOperationExecution(
    PersistedOperationOptions options,
    IReadOnlyList<ITrustedDocumentStore> trustedStores,
    IAutomaticQueryStore automaticStore) : IConfigureExecution
{
    public float SortOrder => DocumentCacheExecution.Order - 10;

    public async Task<ExecutionResult> ExecuteAsync(ExecutionOptions execution, ExecutionDelegate next)
    {
        if (execution.Document is not null)
        {
            return await next(execution).ConfigureAwait(false);
        }

        var text = execution.Query is { Length: > 0 } query ? query : null;
        if (text is not null && options.OnlyPersisted)
        {
            return Refused(ErrorCodes.OnlyPersistedOperationsAllowed,
                "This server runs only persisted operations: send 'documentId' with the hash of a trusted document instead of its text.");
        }

        if (execution.DocumentId is { } documentId)
        {
            if (FindTrusted(DocumentHash.KeyOf(documentId)) is not { } document)
            {
                return Refused(ErrorCodes.PersistedOperationNotFound, $"No persisted operation has the id '{documentId}'.");
            }

            execution.Query = document;
            execution.DocumentId = null; // resolved: the rest of the pipeline sees plain text
            return await next(execution).ConfigureAwait(false);
        }

        if (PersistedQueryExtension.Read(execution.Extensions, out _) is not { } persistedQuery)
        {
            return await next(execution).ConfigureAwait(false);
        }

        return text is null
            ? await RunStoredAsync(execution, persistedQuery.Sha256Hash, next).ConfigureAwait(false)
            : await RunAndStoreAsync(execution, text, persistedQuery.Sha256Hash, next).ConfigureAwait(false);
    }

    private async Task<ExecutionResult> RunStoredAsync(ExecutionOptions execution, string hash, ExecutionDelegate next)
    {
        var document = FindTrusted(hash) ?? (options.Automatic ? await automaticStore.FindAsync(hash).ConfigureAwait(false) : null);
        if (document is null)
        {
            // Apollo's message, which older clients match on; the code is what current clients read.
            return Refused(ErrorCodes.PersistedQueryNotFound, "PersistedQueryNotFound");
        }

        execution.Query = document;
        return await next(execution).ConfigureAwait(false);
    }

    private async Task<ExecutionResult> RunAndStoreAsync(ExecutionOptions execution, string text, string hash, ExecutionDelegate next)
    {
        var actual = DocumentHash.Of(text);
        if (actual != hash)
        {
            return Refused(ErrorCodes.PersistedQueryHashMismatch,
                $"The query hashes to '{actual}', not to the sha256Hash '{hash}' sent with it.");
        }

        var result = await next(execution).ConfigureAwait(false);
        // Only a document that passed validation is worth a slot (as in the document cache).
        if (options.Automatic && result.Executed)
        {
            await automaticStore.StoreAsync(hash, text).ConfigureAwait(false);
        }

        return result;
    }

    private string? FindTrusted(string key)
    {
        foreach (var store in trustedStores)
        {
            if (store.Find(key) is { } document)
            {
                return document;
            }
        }

        return null;
    }

    // Executed stays false and data absent: a request error, answered before execution.
    private static ExecutionResult Refused(string code, string message) =>
        new() { Errors = [new ExecutionError(message) { Code = code }] };
}
