using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;
using System.Security.Cryptography;
using System.Text;

namespace GraphApi.Server.Data;

internal sealed record SortField<T>(MappedMember<T> Member, bool Descending);

/// <summary>
/// The effective sort of a connection: the <c>order:</c> list in list order (an object's fields in field order),
/// then the key ascending as the final tie-breaker. A member sorted again later in the list is dropped (its first
/// occurrence already decides every tie the later one could), so the OrderBy/ThenBy chain, the keyset predicate and
/// the cursor hold at most one entry per sortable member, however long the <c>order:</c> list.
/// </summary>
internal sealed class SortSpec<T>
{
    private static readonly ConcurrentDictionary<(string Name, Type KeyType), MethodInfo> SortMethods = new();

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
        // Most pages come without order: their spec (key only) is built once per mapping.
        return order is null or { Count: 0 } ? mapping.DefaultSort ??= Build([], mapping) : Build(order, mapping);
    }

    private static SortSpec<T> Build(IReadOnlyList<IDictionary<string, object?>> order, QueryableMapping<T> mapping)
    {
        var fields = new List<SortField<T>>();
        var sorted = new HashSet<MappedMember<T>>(ReferenceEqualityComparer.Instance);
        foreach (var item in order)
        {
            foreach (var (name, direction) in item)
            {
                if (direction is null)
                {
                    continue;
                }

                var member = mapping.Resolve(name);
                member.EnsureSortable();
                var descending = IsDescending(direction);
                if (sorted.Add(member))
                {
                    fields.Add(new SortField<T>(member, descending));
                }
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
        var expression = Chain(source.Expression, reversed, ordered: false);
        return source.Provider.CreateQuery<T>(expression);
    }

    /// <summary>Appends the sort as secondary keys of an already ordered query.</summary>
    public IQueryable<T> ApplyThen(IOrderedQueryable<T> source, bool reversed)
    {
        var expression = Chain(source.Expression, reversed, ordered: true);
        return source.Provider.CreateQuery<T>(expression);
    }

    private Expression Chain(Expression source, bool reversed, bool ordered)
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
            expression = Expression.Call(SortMethod(method, member.Type), expression, Expression.Quote(member.Selector));
        }

        return expression;
    }

    /// <summary>Queryable.OrderBy/ThenBy(Descending) for this entity and a key type, looked up once (reflection is per-request cost).</summary>
    private static MethodInfo SortMethod(string name, Type keyType) =>
        SortMethods.GetOrAdd((name, keyType), key => typeof(Queryable).GetMethods()
            .Single(m => m.Name == key.Name && m.GetParameters().Length == 2)
            .MakeGenericMethod(typeof(T), key.KeyType));

    private static bool IsDescending(object direction) =>
        direction.ToString()!.ToUpperInvariant() switch
        {
            "ASC" => false,
            "DESC" => true,
            var other => throw new InvalidOperationException($"Unknown sort direction '{other}'."),
        };
}
