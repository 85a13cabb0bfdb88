namespace GraphApi.Server.Data;

/// <summary>
/// One node of a connection page with its opaque keyset cursor. The cursor is encoded when first read: most
/// queries select only <c>nodes</c>, and encoding every row's cursor was a fifth of a page's allocations.
/// </summary>
public sealed class Edge<T> : IHasCursor
{
    private readonly Func<T, string> _encode;
    private string? _cursor;

    internal Edge(T node, Func<T, string> encode)
    {
        Node = node;
        _encode = encode;
    }

    /// <summary>The keyset cursor of <see cref="Node"/>, for <c>after</c> / <c>before</c>.</summary>
    public string Cursor => _cursor ??= _encode(Node); // a race encodes twice, to the same string

    public T Node { get; }
}

/// <summary>An edge whose cursor <see cref="PageInfo"/> reads on demand, whatever the node type.</summary>
internal interface IHasCursor
{
    string Cursor { get; }
}
