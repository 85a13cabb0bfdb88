using System.Globalization;
using GraphQL;

namespace GraphApi.Server.Data;

/// <summary>The arguments of a connection field: paging, <c>where:</c>, <c>order:</c> and the cursor scope.</summary>
public sealed class ConnectionArguments
{
    /// <summary>first/after/last/before; all absent by default (a first page of the default size).</summary>
    public PagingArguments Paging { get; init; } = new(null, null, null, null);

    /// <summary>The <c>where:</c> input object; null (default) filters nothing.</summary>
    public IDictionary<string, object?>? Where { get; init; }

    /// <summary>The <c>order:</c> list; null (default) sorts by key ascending.</summary>
    public IReadOnlyList<IDictionary<string, object?>>? Order { get; init; }

    /// <summary>Names the connection field (<c>Type.field</c>); a cursor is only accepted by the scope that made it.</summary>
    public required string CursorScope { get; init; }

    /// <summary>
    /// Reads <c>first</c>, <c>after</c>, <c>last</c>, <c>before</c>, <c>where</c> and <c>order</c> from the field's
    /// arguments; the scope is <c>ParentType.field</c> (e.g. <c>User.orders</c>).
    /// </summary>
    public static ConnectionArguments FromContext(IResolveFieldContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return new ConnectionArguments
        {
            Paging = new PagingArguments(
                ReadInt(context, "first"), Read(context, "after") as string, ReadInt(context, "last"), Read(context, "before") as string),
            Where = Read(context, "where") is { } where ? InputShapes.AsObject(where, "where") : null,
            Order = Read(context, "order") is { } order ? InputShapes.AsObjectList(order, "order") : null,
            CursorScope = $"{context.ParentType.Name}.{context.FieldDefinition.Name}",
        };
    }

    private static object? Read(IResolveFieldContext context, string name) =>
        context.Arguments is { } arguments && arguments.TryGetValue(name, out var argument) ? argument.Value : null;

    private static int? ReadInt(IResolveFieldContext context, string name) => Read(context, name) switch
    {
        null => null,
        int value => value,
        var value => Convert.ToInt32(value, CultureInfo.InvariantCulture),
    };
}
