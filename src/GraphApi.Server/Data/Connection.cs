namespace GraphApi.Server.Data;

/// <summary>One page of a Relay connection.</summary>
public sealed class Connection<T> : IConnection
{
    private readonly Func<CancellationToken, Task<int>> _countTotal;
    private readonly Lock _gate = new();
    private Task<int>? _totalCount;

    internal Connection(IReadOnlyList<Edge<T>> edges, PageInfo pageInfo, Func<CancellationToken, Task<int>> countTotal)
    {
        Edges = edges;
        Nodes = edges.Select(edge => edge.Node).ToArray();
        PageInfo = pageInfo;
        _countTotal = countTotal;
    }

    /// <summary>The page's edges in sort order.</summary>
    public IReadOnlyList<Edge<T>> Edges { get; }

    /// <summary>The page's nodes in sort order (the nodes of <see cref="Edges"/>).</summary>
    public IReadOnlyList<T> Nodes { get; }

    /// <summary>Cursors of the page ends and whether more rows exist on either side.</summary>
    public PageInfo PageInfo { get; }

    /// <summary>
    /// Counts the filtered set ignoring cursors and page size. The query runs on the first call only
    /// (never when nobody asks); later calls share its result.
    /// </summary>
    public Task<int> GetTotalCountAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            return _totalCount ??= _countTotal(cancellationToken);
        }
    }
}
