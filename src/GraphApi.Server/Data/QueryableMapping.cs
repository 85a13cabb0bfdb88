using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace GraphApi.Server.Data;

/// <summary>
/// Maps the field names of GraphQL filter and sort inputs to members of <typeparamref name="T"/>.
/// By default a field maps to the public property of the same name (case-insensitive);
/// <see cref="Field{TProp}"/> overrides that. <see cref="Key{TKey}"/> is required.
/// </summary>
public sealed class QueryableMapping<T>
{
    private readonly ConcurrentDictionary<string, MappedMember<T>> _fields = new(StringComparer.OrdinalIgnoreCase);
    private MappedMember<T>? _key;

    /// <summary>The one parameter every mapped member expression is written over.</summary>
    internal ParameterExpression Entity { get; } = Expression.Parameter(typeof(T), "entity");

    /// <summary>
    /// Maps <paramref name="graphQLName"/> to <paramref name="member"/> instead of the same-named property.
    /// <paramref name="validate"/>, when given, returns why a filter value cannot be compared with the member
    /// exactly (or null); such a value is answered with error INVALID_FILTER_VALUE before any SQL runs.
    /// </summary>
    public QueryableMapping<T> Field<TProp>(
        string graphQLName, Expression<Func<T, TProp>> member, Func<TProp, string?>? validate = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(graphQLName);
        ArgumentNullException.ThrowIfNull(member);
        var mapped = Create(graphQLName, member);
        if (validate is not null)
        {
            mapped.InputGuard = value => value is TProp typed ? validate(typed) : null;
        }

        _fields[graphQLName] = mapped;
        return this;
    }

    /// <summary>Sets the primary key: the final ascending tie-breaker of every sort and part of every cursor.</summary>
    public QueryableMapping<T> Key<TKey>(Expression<Func<T, TKey>> key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var member = Create("(key)", key);
        member.EnsureSortable();
        _key = member;
        DefaultSort = null;
        return this;
    }

    internal bool HasKey => _key is not null;

    /// <summary>The sort of a page requested without <c>order:</c> (the key alone), cached by <see cref="SortSpec{T}"/>.</summary>
    internal SortSpec<T>? DefaultSort { get; set; }

    internal MappedMember<T> KeyMember =>
        _key ?? throw new InvalidOperationException($"QueryableMapping<{typeof(T).Name}> has no Key(...).");

    /// <summary>The member of a GraphQL input field; an unknown name is a programming error.</summary>
    internal MappedMember<T> Resolve(string graphQLName) => _fields.GetOrAdd(graphQLName, MapToProperty);

    private MappedMember<T> MapToProperty(string graphQLName)
    {
        var property = typeof(T).GetProperty(
            graphQLName, BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase)
            ?? throw new InvalidOperationException(
                $"QueryableMapping<{typeof(T).Name}> cannot map the GraphQL field '{graphQLName}': "
                + $"{typeof(T).Name} has no public property of that name; map it with Field(...).");
        return new MappedMember<T>(graphQLName, Expression.Property(Entity, property), Entity);
    }

    private MappedMember<T> Create(string graphQLName, LambdaExpression lambda)
    {
        var body = new ParameterReplacer(lambda.Parameters[0], Entity).Visit(lambda.Body);
        return new MappedMember<T>(graphQLName, body, Entity);
    }
}
