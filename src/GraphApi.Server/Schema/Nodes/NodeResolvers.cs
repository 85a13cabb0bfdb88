using GraphQL;
using GraphQL.DataLoader;
using GraphQL.Resolvers;

namespace GraphApi.Server.Schema.Nodes;

/// <summary>Resolvers for <c>Query.node(id:)</c>, <c>Query.nodes(ids:)</c> and each Node type's <c>id</c>.</summary>
internal sealed class NodeResolvers(IReadOnlyDictionary<string, NodeType> nodes)
{
    public IFieldResolver Node => new FuncFieldResolver<object>(context =>
        Resolve(context, context.GetArgument<string>("id")));

    public IFieldResolver Nodes => new FuncFieldResolver<object>(context =>
    {
        var ids = context.GetArgument<List<string>>("ids") ?? [];
        // Decode every ID first so a malformed one fails the field before any fetch starts.
        var pending = ids.Select(id => Resolve(context, id)).ToArray();
        return new AllDataLoaderResults(pending);
    });

    public static IFieldResolver Id(NodeType node) =>
        new FuncFieldResolver<object>(context => node.IdOf(context.Source!));

    private object? Resolve(IResolveFieldContext context, string id)
    {
        if (!GlobalId.TryDecode(id, out var typeName, out var key) || !nodes.TryGetValue(typeName, out var node))
        {
            throw GlobalId.Invalid(id, null);
        }

        return node.Resolve(context, key, id);
    }

    /// <summary>Completes a list whose items may be DataLoader results, keeping each loader's batch intact.</summary>
    private sealed class AllDataLoaderResults(object?[] items) : IDataLoaderResult
    {
        public async Task<object?> GetResultAsync(CancellationToken cancellationToken = default)
        {
            var results = new object?[items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                results[i] = await Complete(items[i], cancellationToken).ConfigureAwait(false);
            }

            return results;
        }

        private static async Task<object?> Complete(object? item, CancellationToken cancellationToken)
        {
            while (true)
            {
                switch (item)
                {
                    case IDataLoaderResult loader:
                        item = await loader.GetResultAsync(cancellationToken).ConfigureAwait(false);
                        break;
                    case Task<object?> task:
                        item = await task.ConfigureAwait(false);
                        break;
                    default:
                        return item;
                }
            }
        }
    }
}
