using System.Linq.Expressions;
using System.Reflection;

namespace GraphApi.Server.Data;

/// <summary>The parsed and validated arguments of one connection request, and the query pieces built from them.</summary>
internal sealed class ConnectionQuery<T>
{
    private static readonly MethodInfo TakeMethod = new Func<IQueryable<T>, int, IQueryable<T>>(Queryable.Take).Method;

    private readonly QueryableMapping<T> _mapping;
    private readonly Expression<Func<T, bool>>? _filter;
    private readonly string _scope;

    private ConnectionQuery(ConnectionArguments args, QueryableMapping<T> mapping, PagingOptions options)
    {
        _mapping = mapping;
        _scope = args.CursorScope;
        Window = PageWindow.From(args.Paging, options);
        Sort = SortSpec<T>.Parse(args.Order, mapping);
        After = args.Paging.After is { } after ? Cursor.Decode(after, _scope, Sort) : null;
        Before = args.Paging.Before is { } before ? Cursor.Decode(before, _scope, Sort) : null;
        _filter = FilterExpressionBuilder.Build(args.Where, mapping);
    }

    public PageWindow Window { get; }

    public SortSpec<T> Sort { get; }

    public object?[]? After { get; }

    public object?[]? Before { get; }

    public static ConnectionQuery<T> Create(ConnectionArguments args, QueryableMapping<T> mapping, PagingOptions options)
    {
        ArgumentNullException.ThrowIfNull(args);
        ArgumentNullException.ThrowIfNull(mapping);
        ArgumentNullException.ThrowIfNull(options);
        return new ConnectionQuery<T>(args, mapping, options);
    }

    /// <summary>The <c>where:</c> filter: the set totalCount counts.</summary>
    public IQueryable<T> Filter(IQueryable<T> source) =>
        _filter is null ? source : source.Where(CollectionParameter.For(source, _filter));

    /// <summary>The filtered rows strictly between the cursors.</summary>
    public IQueryable<T> Bound(IQueryable<T> filtered)
    {
        var bounded = After is null ? filtered : filtered.Where(Keyset.After(Sort, After, _mapping));
        return Before is null ? bounded : bounded.Where(Keyset.Before(Sort, Before, _mapping));
    }

    /// <summary>One row more than the page so the near side's has*Page flag is exact without another query.</summary>
    public Expression TakeCount => QueryParameter.For(Window.Size + 1);

    public IQueryable<T> Page(IQueryable<T> filtered)
    {
        var sorted = Sort.Apply(Bound(filtered), reversed: Window.FromEnd);
        return sorted.Provider.CreateQuery<T>(Expression.Call(TakeMethod, sorted.Expression, TakeCount));
    }

    /// <summary>Rows at or before the <c>after</c> cursor (they precede the page); null when no such cursor.</summary>
    public IQueryable<T>? BeforePage(IQueryable<T> filtered) =>
        After is null ? null : filtered.Where(Keyset.NotAfter(Sort, After, _mapping));

    /// <summary>Rows at or after the <c>before</c> cursor (they follow the page); null when no such cursor.</summary>
    public IQueryable<T>? AfterPage(IQueryable<T> filtered) =>
        Before is null ? null : filtered.Where(Keyset.NotBefore(Sort, Before, _mapping));

    /// <summary>Whether the extra fetched row already proves rows on that side (so no far-side query is needed).</summary>
    public bool OverflowShowsPrevious(bool overflow) => overflow && Window.FromEnd;

    public bool OverflowShowsNext(bool overflow) => overflow && !Window.FromEnd;

    /// <summary>Turns fetched rows (in query order, up to size + 1) into the page in sort order.</summary>
    public (IReadOnlyList<T> Page, bool Overflow) Trim(IReadOnlyList<T> fetched)
    {
        var overflow = fetched.Count > Window.Size;
        var page = fetched.Take(Window.Size).ToList();
        if (Window.FromEnd)
        {
            page.Reverse();
        }

        return (page, overflow);
    }

    public Connection<T> ToConnection(
        IReadOnlyList<T> page, bool hasPrevious, bool hasNext, Func<CancellationToken, Task<int>> countTotal)
    {
        Func<T, string> encode = node => Cursor.Encode(node, _scope, Sort);
        var edges = new Edge<T>[page.Count];
        for (var i = 0; i < edges.Length; i++)
        {
            edges[i] = new Edge<T>(page[i], encode);
        }

        var info = PageInfo.Between(hasNext, hasPrevious, edges.FirstOrDefault(), edges.LastOrDefault());
        return new Connection<T>(edges, info, countTotal);
    }
}
