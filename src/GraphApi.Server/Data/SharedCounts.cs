using System.Linq.Expressions;

namespace GraphApi.Server.Data;

/// <summary>One grouped COUNT for all parents of a batch, run on the first request only.</summary>
internal sealed class SharedCounts<T, TParentKey>(IQueryable<T> filtered, Expression<Func<T, TParentKey>> parentKey)
    where TParentKey : notnull
{
    private readonly Lock _gate = new();
    private Task<Dictionary<TParentKey, int>>? _counts;

    public async Task<int> CountAsync(TParentKey parent, CancellationToken cancellationToken)
    {
        Task<Dictionary<TParentKey, int>> counts;
        lock (_gate)
        {
            counts = _counts ??= CountAllAsync(cancellationToken);
        }

        return (await counts.ConfigureAwait(false)).GetValueOrDefault(parent);
    }

    private async Task<Dictionary<TParentKey, int>> CountAllAsync(CancellationToken cancellationToken)
    {
        var query = filtered.GroupBy(parentKey).Select(group => new ParentCount(group.Key, group.Count()));
        return (await QueryExecution.ToListAsync(query, cancellationToken).ConfigureAwait(false)).ToDictionary(row => row.Parent, row => row.Count);
    }

    private sealed record ParentCount(TParentKey Parent, int Count);
}
