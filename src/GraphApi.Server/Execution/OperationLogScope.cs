using System.Collections;

namespace GraphApi.Server.Execution;

/// <summary>
/// The log scope of one execution: its operation name as a structured value (never its variables). A one-entry list
/// rather than a dictionary: every request creates one, and a subscription's background work keeps its scope for as
/// long as the socket lives.
/// </summary>
internal sealed class OperationLogScope(string? operationName) : IReadOnlyList<KeyValuePair<string, object?>>
{
    public const string Key = "GraphQLOperationName";

    public int Count => 1;

    public KeyValuePair<string, object?> this[int index] =>
        index == 0 ? new(Key, operationName) : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<KeyValuePair<string, object?>> GetEnumerator()
    {
        yield return this[0];
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>How text loggers (the console's <c>IncludeScopes</c>) print the scope.</summary>
    public override string ToString() => $"{Key}:{operationName}";
}
