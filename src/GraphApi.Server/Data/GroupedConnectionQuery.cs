using System.Linq.Expressions;

namespace GraphApi.Server.Data;

/// <summary>The per-parent pieces of <see cref="QueryableConnectionExtensions.ToGroupedConnectionsAsync"/>.</summary>
internal sealed class GroupedConnectionQuery<T, TParentKey>
    where TParentKey : notnull
{
    private readonly ConnectionQuery<T> _query;
    private readonly Expression<Func<T, TParentKey>> _parentKey;
    private readonly IReadOnlyCollection<TParentKey> _parentKeys;
    private readonly Func<T, TParentKey> _readParentKey;

    public GroupedConnectionQuery(
        ConnectionQuery<T> query,
        Expression<Func<T, TParentKey>> parentKey,
        IReadOnlyCollection<TParentKey> parentKeys)
    {
        _query = query;
        _parentKey = parentKey;
        _parentKeys = parentKeys;
        // Interpreted: built once per batch and run once per row, compiling would cost more than it saves.
        _readParentKey = parentKey.Compile(preferInterpretation: true);
    }

    public IQueryable<T> OfParents(IQueryable<T> source)
    {
        var body = Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [typeof(TParentKey)], DistinctParentKeys(), _parentKey.Body);
        return source.Where(Expression.Lambda<Func<T, bool>>(body, _parentKey.Parameters));
    }

    /// <summary>
    /// Every parent's page in one statement: <c>parents.SelectMany(key =&gt; rows.Where(parent == key)
    /// .OrderBy(...).Take(n + 1))</c>, which EF Core turns into ROW_NUMBER() OVER (PARTITION BY parent ...);
    /// ordered by parent, then the sort, so each parent's rows come back in sort order.
    /// </summary>
    public IQueryable<T> Pages(IQueryable<T> filtered)
    {
        var reversed = _query.Window.FromEnd;
        var bounded = _query.Bound(filtered);
        var parent = Expression.Parameter(typeof(TParentKey), "parent");
        var ofParent = bounded.Where(Expression.Lambda<Func<T, bool>>(
            Expression.Equal(_parentKey.Body, parent), _parentKey.Parameters));
        var perParent = Expression.Call(
            typeof(Queryable), nameof(Queryable.Take), [typeof(T)],
            _query.Sort.Apply(ofParent, reversed).Expression, _query.TakeCount);
        var selector = Expression.Lambda<Func<TParentKey, IEnumerable<T>>>(perParent, parent);

        // The parents come from the rows themselves (EF would inline a key list as literals in a VALUES table).
        var parents = bounded.Select(_parentKey).Distinct();
        var pages = parents.SelectMany(selector);
        return _query.Sort.ApplyThen(pages.OrderBy(_parentKey), reversed);
    }

    private Expression DistinctParentKeys() => QueryParameter.For(_parentKeys.Distinct().ToList());

    /// <summary>Splits the fetched rows by parent, keeping their (sorted) order.</summary>
    public ILookup<TParentKey, T> ByParent(IReadOnlyList<T> fetched) => fetched.ToLookup(_readParentKey);

    /// <summary>The parents having at least one of <paramref name="rows"/>; skipped when nobody needs the answer.</summary>
    public async Task<IReadOnlySet<TParentKey>> ParentsWithRowsAsync(IQueryable<T>? rows, bool needed, CancellationToken cancellationToken)
    {
        if (rows is null || !needed)
        {
            return new HashSet<TParentKey>();
        }

        return (await QueryExecution.ToListAsync(rows.Select(_parentKey).Distinct(), cancellationToken).ConfigureAwait(false)).ToHashSet();
    }
}
