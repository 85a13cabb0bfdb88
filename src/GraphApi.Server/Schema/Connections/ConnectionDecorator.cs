using System.Collections.Concurrent;
using System.Reflection;
using GraphApi.Server.Data;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Schema.Connections;

/// <summary>
/// Hot Chocolate's shape for lists: a field whose SDL type is a connection may simply return an
/// <see cref="IQueryable{T}"/>; this applies the field's <c>where</c>, <c>order</c> and paging arguments in SQL
/// through the registered <see cref="QueryableMapping{T}"/>. Connection types' <c>totalCount</c> is counted
/// only when selected.
/// </summary>
internal sealed class ConnectionDecorator(IOptions<PagingOptions> paging) : IFieldResolverDecorator
{
    private readonly PagingOptions _paging = paging.Value;

    private static readonly MethodInfo ToConnectionMethod =
        typeof(ConnectionDecorator).GetMethod(nameof(ToConnectionAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private readonly ConcurrentDictionary<Type, Func<object, IResolveFieldContext, PagingOptions, Task<object>>> _converters = new();

    public int Order => FieldResolverDecoratorOrder.Connections;

    public IFieldResolver? Decorate(ISchema schema, IComplexGraphType parent, FieldType field, IFieldResolver inner)
    {
        if (field.Name == "totalCount" && IsConnection(parent))
        {
            return new FuncFieldResolver<object>(async context =>
                await ((IConnection)context.Source!).GetTotalCountAsync(context.CancellationToken).ConfigureAwait(false));
        }

        return field.ResolvedType?.GetNamedType() is IComplexGraphType target && IsConnection(target)
            ? new Resolver(this, inner)
            : null;
    }

    private static bool IsConnection(IComplexGraphType type) =>
        ConnectionShapes.IsConnection(type.Name, type.Fields.Select(f => f.Name).ToArray());

    private sealed class Resolver(ConnectionDecorator owner, IFieldResolver inner) : IFieldResolver
    {
        public async ValueTask<object?> ResolveAsync(IResolveFieldContext context)
        {
            var result = await inner.ResolveAsync(context).ConfigureAwait(false);
            if (result is not IQueryable queryable)
            {
                return result; // already a connection, or a DataLoader result producing one
            }

            var convert = owner._converters.GetOrAdd(queryable.ElementType, elementType =>
                ToConnectionMethod.MakeGenericMethod(elementType)
                    .CreateDelegate<Func<object, IResolveFieldContext, PagingOptions, Task<object>>>());
            return await convert(queryable, context, owner._paging).ConfigureAwait(false);
        }
    }

    private static async Task<object> ToConnectionAsync<T>(object source, IResolveFieldContext context, PagingOptions paging)
    {
        var mapping = context.RequestServices?.GetService<QueryableMapping<T>>()
            ?? throw new InvalidOperationException(
                $"Field {context.ParentType.Name}.{context.FieldDefinition.Name} returns IQueryable<{typeof(T).Name}>, " +
                $"but no QueryableMapping<{typeof(T).Name}> is registered (services.AddQueryableMapping<{typeof(T).Name}>(...)).");
        return await ((IQueryable<T>)source)
            .ToConnectionAsync(ConnectionArguments.FromContext(context), mapping, paging, context.CancellationToken)
            .ConfigureAwait(false);
    }
}
