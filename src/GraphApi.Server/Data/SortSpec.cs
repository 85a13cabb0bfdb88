using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;

namespace GraphApi.Server.Data;

internal sealed record SortField<T>(MappedMember<T> Member, bool Descending);

/// <summary>
/// The effective sort of a connection: the <c>order:</c> list in list order (an object's fields in field order),
/// then the key ascending as the final tie-breaker.
/// </summary>
internal sealed class SortSpec<T>
{
    private SortSpec(IReadOnlyList<SortField<T>> fields, string signature)
    {
        Fields = fields;
        Signature = signature;
    }

    public IReadOnlyList<SortField<T>> Fields { get; }

    /// <summary>A short fingerprint of the requested order; cursors carry it so another order rejects them.</summary>
    public string Signature { get; }

    public static SortSpec<T> Parse(IReadOnlyList<IDictionary<string, object?>>? order, QueryableMapping<T> mapping)
    {
        var fields = new List<SortField<T>>();
        foreach (var item in order ?? [])
        {
            foreach (var (name, direction) in item)
            {
                if (direction is null)
                {
                    continue;
                }

                var member = mapping.Resolve(name);
                member.EnsureSortable();
                fields.Add(new SortField<T>(member, IsDescending(direction)));
            }
        }

        var requested = string.Join(",", fields.Select(field => $"{field.Member.GraphQLName.ToLowerInvariant()}:{(field.Descending ? "desc" : "asc")}"));
        fields.Add(new SortField<T>(mapping.KeyMember, Descending: false));
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(requested));
        return new SortSpec<T>(fields, Convert.ToHexString(hash, 0, 6));
    }

    /// <summary>Applies the sort to a query; <paramref name="reversed"/> flips every direction (for <c>last</c>).</summary>
    public IQueryable<T> Apply(IQueryable<T> source, bool reversed)
    {
        var expression = Chain(source.Expression, typeof(Queryable), reversed, selector => Expression.Quote(selector));
        return source.Provider.CreateQuery<T>(expression);
    }

    /// <summary>Appends the sort as secondary keys of an already ordered query.</summary>
    public IQueryable<T> ApplyThen(IOrderedQueryable<T> source, bool reversed)
    {
        var expression = Chain(source.Expression, typeof(Queryable), reversed, selector => Expression.Quote(selector), ordered: true);
        return source.Provider.CreateQuery<T>(expression);
    }

    /// <summary>The same sort over an in-query sequence (inside GroupBy/SelectMany).</summary>
    public Expression ApplyToEnumerable(Expression sequence, bool reversed) =>
        Chain(sequence, typeof(Enumerable), reversed, selector => selector);

    private Expression Chain(
        Expression source, Type linq, bool reversed, Func<LambdaExpression, Expression> wrap, bool ordered = false)
    {
        var expression = source;
        for (var i = 0; i < Fields.Count; i++)
        {
            var descending = Fields[i].Descending != reversed;
            var method = (i == 0 && !ordered, descending) switch
            {
                (true, false) => nameof(Queryable.OrderBy),
                (true, true) => nameof(Queryable.OrderByDescending),
                (false, false) => nameof(Queryable.ThenBy),
                (false, true) => nameof(Queryable.ThenByDescending),
            };
            var member = Fields[i].Member;
            expression = Expression.Call(linq, method, [typeof(T), member.Type], expression, wrap(member.Selector));
        }

        return expression;
    }

    private static bool IsDescending(object direction) =>
        direction.ToString()!.ToUpperInvariant() switch
        {
            "ASC" => false,
            "DESC" => true,
            var other => throw new InvalidOperationException($"Unknown sort direction '{other}'."),
        };
}
