using GraphApi.Server.Execution;
using System.Linq.Expressions;

namespace GraphApi.Server.Data;

/// <summary>Relay connections over <see cref="IQueryable{T}"/>, filtered, sorted and paged in SQL.</summary>
public static class QueryableConnectionExtensions
{
    /// <summary>
    /// Filters (<c>where:</c>), sorts (<c>order:</c>, key last) and pages <paramref name="source"/> with keyset cursors.
    /// One statement for the page (n + 1 rows settle the near side's has*Page flag), plus one EXISTS statement for
    /// each cursor whose side that extra row does not settle (<c>after</c> with <c>first</c>, <c>before</c> with
    /// <c>last</c>, ...); the total count runs only when asked.
    /// Throws <see cref="GraphQL.ExecutionError"/> with a <see cref="ErrorCodes"/> code for bad arguments.
    /// </summary>
    public static async Task<Connection<T>> ToConnectionAsync<T>(
        this IQueryable<T> source,
        ConnectionArguments args,
        QueryableMapping<T> mapping,
        PagingOptions options,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(source);
        var query = ConnectionQuery<T>.Create(args, mapping, options);
        var filtered = query.Filter(source);

        var (page, overflow) = query.Trim(await QueryExecution.ToListAsync(query.Page(filtered), cancellationToken).ConfigureAwait(false));
        var hasPrevious = query.OverflowShowsPrevious(overflow)
            || (query.BeforePage(filtered) is { } before && await QueryExecution.AnyAsync(before, cancellationToken).ConfigureAwait(false));
        var hasNext = query.OverflowShowsNext(overflow)
            || (query.AfterPage(filtered) is { } after && await QueryExecution.AnyAsync(after, cancellationToken).ConfigureAwait(false));

        return query.ToConnection(page, hasPrevious, hasNext, token => QueryExecution.CountAsync(filtered, token));
    }

    /// <summary>
    /// The same connection for each parent in <paramref name="parentKeys"/> (e.g. the orders of many users), with
    /// one SQL statement for all pages (ROW_NUMBER per parent), one more per unsettled cursor side (as in
    /// <see cref="ToConnectionAsync{T}"/>, for all parents at once), and at most one
    /// grouped COUNT shared by all parents, run only when some total count is asked. Every parent key gets a
    /// connection (empty when it has no rows).
    /// </summary>
    public static async Task<IReadOnlyDictionary<TParentKey, Connection<T>>> ToGroupedConnectionsAsync<T, TParentKey>(
        this IQueryable<T> source,
        Expression<Func<T, TParentKey>> parentKey,
        IReadOnlyCollection<TParentKey> parentKeys,
        ConnectionArguments args,
        QueryableMapping<T> mapping,
        PagingOptions options,
        CancellationToken cancellationToken)
        where TParentKey : notnull
    {
        ArgumentNullException.ThrowIfNull(source);
        ArgumentNullException.ThrowIfNull(parentKey);
        ArgumentNullException.ThrowIfNull(parentKeys);
        var query = ConnectionQuery<T>.Create(args, mapping, options);
        if (parentKeys.Count == 0)
        {
            return new Dictionary<TParentKey, Connection<T>>();
        }

        var grouped = new GroupedConnectionQuery<T, TParentKey>(query, parentKey, parentKeys);
        var filtered = query.Filter(grouped.OfParents(source));

        var rows = grouped.ByParent(await QueryExecution.ToListAsync(grouped.Pages(filtered), cancellationToken).ConfigureAwait(false));
        var pages = parentKeys.Distinct().ToDictionary(key => key, key => query.Trim(rows[key].ToList()));

        var withPrevious = await grouped.ParentsWithRowsAsync(
            query.BeforePage(filtered), pages.Values.Any(page => !query.OverflowShowsPrevious(page.Overflow)), cancellationToken).ConfigureAwait(false);
        var withNext = await grouped.ParentsWithRowsAsync(
            query.AfterPage(filtered), pages.Values.Any(page => !query.OverflowShowsNext(page.Overflow)), cancellationToken).ConfigureAwait(false);
        var counts = new SharedCounts<T, TParentKey>(filtered, parentKey);

        return pages.ToDictionary(
            entry => entry.Key,
            entry => query.ToConnection(
                entry.Value.Page,
                query.OverflowShowsPrevious(entry.Value.Overflow) || withPrevious.Contains(entry.Key),
                query.OverflowShowsNext(entry.Value.Overflow) || withNext.Contains(entry.Key),
                token => counts.CountAsync(entry.Key, token)));
    }
}
