using System.Linq.Expressions;
using System.Reflection;

namespace GraphApi.Server.Data;

/// <summary>An entity member reachable from a GraphQL input field, as an expression over the mapping's parameter.</summary>
internal sealed class MappedMember<T>
{
    private readonly Lazy<Func<T, object?>> _read;
    private readonly Lazy<bool> _isNullable;

    public MappedMember(string graphQLName, Expression body, ParameterExpression entity)
    {
        GraphQLName = graphQLName;
        Body = body;
        Selector = Expression.Lambda(body, entity);
        _read = new Lazy<Func<T, object?>>(
            () => Expression.Lambda<Func<T, object?>>(Expression.Convert(body, typeof(object)), entity).Compile());
        _isNullable = new Lazy<bool>(IsNullable);
    }

    public string GraphQLName { get; }

    /// <summary>The member access, written over <see cref="QueryableMapping{T}.Entity"/>.</summary>
    public Expression Body { get; }

    public LambdaExpression Selector { get; }

    public Type Type => Body.Type;

    /// <summary>
    /// Rejects filter values the member cannot be compared with exactly (e.g. money with three decimals when it is
    /// stored in cents): returns the reason, or null. Set through <see cref="QueryableMapping{T}.Field{TProp}"/>.
    /// </summary>
    public Func<object, string?>? InputGuard { get; set; }

    /// <summary>Reads the member from a loaded entity (to build cursors).</summary>
    public object? Read(T entity) => _read.Value(entity);

    /// <summary>
    /// Keyset paging compares with <c>=</c>/<c>&lt;</c>/<c>&gt;</c>, which SQL makes unknown for NULL; the contract's
    /// sortable fields are non-null, so a nullable member is refused rather than half supported.
    /// </summary>
    public void EnsureSortable()
    {
        if (_isNullable.Value)
        {
            throw new InvalidOperationException(
                $"The field '{GraphQLName}' of {typeof(T).Name} maps to a nullable member and cannot be used for sorting or as key.");
        }
    }

    private bool IsNullable()
    {
        if (Type.IsValueType)
        {
            return Nullable.GetUnderlyingType(Type) is not null;
        }

        return Body is not MemberExpression { Member: PropertyInfo property }
            || new NullabilityInfoContext().Create(property).ReadState != NullabilityState.NotNull;
    }
}
