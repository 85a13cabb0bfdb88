using System.Reflection;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Schema.Nodes;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Schema;

/// <summary>
/// What the application binds to its SDL: resolver classes, the CLR types behind object types and enums,
/// and the <c>Node</c> types that global IDs resolve to.
/// </summary>
public sealed class SchemaFirstOptions
{
    /// <summary>The folder of <c>*.graphql</c> files. Default: <c>schema/</c> beside the application's binaries.</summary>
    public string SchemaDirectory { get; set; } = Path.Combine(AppContext.BaseDirectory, "schema");

    internal Dictionary<Type, string> ResolverTypes { get; } = [];

    internal Dictionary<string, Type> ObjectTypes { get; } = [];

    internal Dictionary<string, Type> EnumTypes { get; } = [];

    internal Dictionary<string, NodeType> Nodes { get; } = [];

    /// <summary>
    /// Binds a resolver class to the SDL type named by its <c>[GraphQLMetadata("Type")]</c> attribute
    /// (or <paramref name="typeName"/>). Its public methods and properties resolve the fields of that name;
    /// instances come from the request's services.
    /// </summary>
    public SchemaFirstOptions AddResolvers<T>(string? typeName = null)
        where T : class
    {
        var name = typeName ?? typeof(T).GetCustomAttribute<GraphQLMetadataAttribute>()?.Name
            ?? throw new InvalidOperationException(
                $"{typeof(T).Name} names no SDL type: add [GraphQLMetadata(\"TypeName\")] or pass the type name.");
        ResolverTypes[typeof(T)] = name;
        return this;
    }

    /// <summary>
    /// Declares <typeparamref name="T"/> as the runtime value of the SDL object type <paramref name="typeName"/>:
    /// its properties resolve fields without a resolver method, and interfaces and unions recognise it.
    /// </summary>
    public SchemaFirstOptions MapObject<T>(string typeName)
    {
        ObjectTypes[typeName] = typeof(T);
        return this;
    }

    /// <summary>
    /// Binds an SDL enum to a CLR enum; values match by name ignoring case and underscores
    /// (<c>STATUS_CHANGED</c> is <c>StatusChanged</c>).
    /// </summary>
    public SchemaFirstOptions MapEnum<TEnum>(string typeName)
        where TEnum : struct, Enum
    {
        EnumTypes[typeName] = typeof(TEnum);
        return this;
    }

    /// <summary>
    /// Declares a <c>Node</c> type: its <c>id</c> field is the global ID of <paramref name="key"/>, and
    /// <c>node(id:)</c>/<c>nodes(ids:)</c> fetch it through <paramref name="resolve"/> (which may return a
    /// DataLoader result so that <c>nodes</c> batches).
    /// </summary>
    public SchemaFirstOptions AddNode<T, TKey>(
        string typeName, Func<T, TKey> key, Func<IResolveFieldContext, TKey, object?> resolve)
        where T : class
        where TKey : IParsable<TKey>
    {
        MapObject<T>(typeName);
        Nodes[typeName] = new NodeType<T, TKey>(typeName, key, resolve);
        return this;
    }

    /// <summary>
    /// Declares a <c>Node</c> type fetched by the scoped DataLoader <typeparamref name="TLoader"/> (register it with
    /// <c>AddDataLoader</c>), so that <c>nodes(ids:)</c> loads every ID of a type in one batch.
    /// </summary>
    public SchemaFirstOptions AddNode<T, TKey, TLoader>(string typeName, Func<T, TKey> key)
        where T : class
        where TKey : IParsable<TKey>
        where TLoader : BatchDataLoader<TKey, T> =>
        AddNode<T, TKey>(typeName, key, static (context, id) =>
            context.RequestServices!.GetRequiredService<TLoader>().LoadAsync(id));
}
