using System.Globalization;
using GraphQL;

namespace GraphApi.Server.Schema.Nodes;

/// <summary>A registered <c>Node</c> type: how to make its ID and how to fetch it by key.</summary>
internal abstract class NodeType(string typeName)
{
    public string TypeName { get; } = typeName;

    public string IdOf(object source) => GlobalId.Encode(TypeName, KeyOf(source));

    protected abstract object KeyOf(object source);

    /// <summary>Fetches by the key text of a decoded ID; throws <c>INVALID_ID</c> when the key does not parse.</summary>
    public abstract object? Resolve(IResolveFieldContext context, string rawKey, string id);
}

internal sealed class NodeType<T, TKey>(
    string typeName, Func<T, TKey> key, Func<IResolveFieldContext, TKey, object?> resolve)
    : NodeType(typeName)
    where T : class
    where TKey : IParsable<TKey>
{
    protected override object KeyOf(object source) => key((T)source)!;

    public override object? Resolve(IResolveFieldContext context, string rawKey, string id) =>
        TKey.TryParse(rawKey, CultureInfo.InvariantCulture, out var parsed)
            ? resolve(context, parsed)
            : throw GlobalId.Invalid(id, null);
}
