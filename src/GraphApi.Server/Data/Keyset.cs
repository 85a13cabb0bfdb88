using System.Linq.Expressions;

namespace GraphApi.Server.Data;

/// <summary>
/// Keyset predicates relative to a cursor: "after" is
/// <c>(k1 &gt; v1) OR (k1 = v1 AND k2 &gt; v2) OR ...</c> with &lt; for descending keys; "before" mirrors it.
/// </summary>
internal static class Keyset
{
    public static Expression<Func<T, bool>> After<T>(SortSpec<T> sort, object?[] cursor, QueryableMapping<T> mapping) =>
        Build(sort, cursor, mapping, after: true);

    public static Expression<Func<T, bool>> Before<T>(SortSpec<T> sort, object?[] cursor, QueryableMapping<T> mapping) =>
        Build(sort, cursor, mapping, after: false);

    /// <summary>Rows at or before the cursor (the complement of <see cref="After{T}"/>; sort members are non-null).</summary>
    public static Expression<Func<T, bool>> NotAfter<T>(SortSpec<T> sort, object?[] cursor, QueryableMapping<T> mapping) =>
        Negate(After(sort, cursor, mapping));

    /// <summary>Rows at or after the cursor.</summary>
    public static Expression<Func<T, bool>> NotBefore<T>(SortSpec<T> sort, object?[] cursor, QueryableMapping<T> mapping) =>
        Negate(Before(sort, cursor, mapping));

    private static Expression<Func<T, bool>> Build<T>(SortSpec<T> sort, object?[] cursor, QueryableMapping<T> mapping, bool after)
    {
        Expression? result = null;
        Expression? equalSoFar = null;
        for (var i = 0; i < sort.Fields.Count; i++)
        {
            var field = sort.Fields[i];
            var greater = field.Descending != after;
            var member = field.Member.Body;
            var beyond = Comparison.Build(member, greater ? ExpressionType.GreaterThan : ExpressionType.LessThan, cursor[i]!);
            var term = equalSoFar is null ? beyond : Expression.AndAlso(equalSoFar, beyond);
            result = result is null ? term : Expression.OrElse(result, term);

            var equal = Expression.Equal(member, QueryParameter.For(cursor[i], member.Type));
            equalSoFar = equalSoFar is null ? equal : Expression.AndAlso(equalSoFar, equal);
        }

        return Expression.Lambda<Func<T, bool>>(result!, mapping.Entity);
    }

    private static Expression<Func<T, bool>> Negate<T>(Expression<Func<T, bool>> predicate) =>
        Expression.Lambda<Func<T, bool>>(Expression.Not(predicate.Body), predicate.Parameters);
}
