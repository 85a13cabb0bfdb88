using GraphQL;
using GraphQL.DI;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Execution.Limits;

internal sealed record ChainNode(int Id);

[GraphQLMetadata("Query")]
internal sealed class ChainQuery
{
    public ChainNode Node() => new(1);
}

[GraphQLMetadata("Node")]
internal sealed class ChainNodeResolvers
{
    public string Name([FromSource] ChainNode node) => $"node {node.Id}";

    public ChainNode Child([FromSource] ChainNode node) => new(node.Id + 1);

    public string Echo(string text) => text;
}

/// <summary>A DI-built executer over an endlessly nesting schema, for limit and cache tests.</summary>
internal sealed class ChainServer : IDisposable
{
    private const string Sdl = "type Query { node: Node } type Node { id: Int! name: String! child: Node echo(text: String!): String! }";

    private static readonly GraphQLSerializer Serializer = new();
    private readonly ServiceProvider _services;

    private ChainServer(ServiceProvider services) => _services = services;

    public IServiceProvider Services => _services;

    public static ChainServer Create(Action<IGraphQLBuilder> configure)
    {
        var services = new ServiceCollection().AddTransient<ChainQuery>().AddTransient<ChainNodeResolvers>();
        services.AddGraphQL(builder =>
        {
            builder.AddSchema(_ => GraphQL.Types.Schema.For(Sdl, schema =>
            {
                schema.Types.Include<ChainQuery>();
                schema.Types.Include<ChainNodeResolvers>();
            }));
            configure(builder);
        });
        return new ChainServer(services.BuildServiceProvider());
    }

    public Task<ExecutionResult> ExecuteAsync(string query, string? operationName = null, Inputs? variables = null) =>
        _services.GetRequiredService<IDocumentExecuter<ISchema>>().ExecuteAsync(new ExecutionOptions
        {
            Query = query, OperationName = operationName, Variables = variables, RequestServices = _services,
        });

    public static string Json(ExecutionResult result) => Serializer.Serialize(result);

    /// <summary>A query nesting <c>child</c> until the selection is <paramref name="depth"/> fields deep.</summary>
    public static string QueryOfDepth(int depth) =>
        "{ node " + string.Concat(Enumerable.Repeat("{ child ", depth - 2)) + "{ id }" + new string('}', depth - 2) + " }";

    public void Dispose() => _services.Dispose();
}
