using System.Security.Claims;
using System.Text;
using System.Text.Json;
using GraphApi.Server.Data;
using GraphApi.Server.Execution;
using GraphApi.Server.Execution.InputLimits;
using GraphApi.Server.Schema;
using GraphApi.Server.Tests.Data.TestData;
using GraphQL;
using GraphQL.Transport;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Server.Tests.Execution.InputLimits;

/// <summary>Counts resolver runs: a refused request must run none.</summary>
internal sealed class ShelfCalls
{
    public int Count;
}

internal sealed class PackInput
{
    public IReadOnlyList<string> Lines { get; init; } = [];
}

[GraphQLMetadata("Query")]
internal sealed class ShelfQuery(ShelfCalls calls, WidgetDatabase db)
{
    public IQueryable<Widget> Widgets()
    {
        Interlocked.Increment(ref calls.Count);
        return db.Widgets;
    }
}

[GraphQLMetadata("Mutation")]
internal sealed class ShelfMutation(ShelfCalls calls)
{
    public int Pack(PackInput input)
    {
        Interlocked.Increment(ref calls.Count);
        return input.Lines.Count;
    }
}

/// <summary>
/// A domain-free schema with what the input limits know: a connection with <c>where</c>/<c>order</c>,
/// <c>nodes(ids:)</c>, and a mutation whose input list an app limits (<c>Mutation.pack.input.lines</c>), served by
/// the runtime's <c>AddGraphQLServer</c> over the SQLite widget database and run through <see cref="IGraphQLExecutor"/>.
/// </summary>
internal sealed class ShelfServer : IDisposable
{
    public const string PackLines = "Mutation.pack.input.lines";

    private const string Sdl = """
        directive @authorize(policy: String, roles: [String!]) repeatable on OBJECT | FIELD_DEFINITION
        scalar DateTime
        interface Node { id: ID! }
        enum SortEnumType { ASC DESC }
        type PageInfo { hasNextPage: Boolean! hasPreviousPage: Boolean! startCursor: String endCursor: String }
        type Widget implements Node { id: ID! name: String! stock: Int! }
        type WidgetsConnection { pageInfo: PageInfo! nodes: [Widget!] totalCount: Int! }
        input IntOperationFilterInput { and: [IntOperationFilterInput!] or: [IntOperationFilterInput!] eq: Int neq: Int in: [Int] nin: [Int] gt: Int gte: Int lt: Int }
        input StringOperationFilterInput { eq: String neq: String in: [String] nin: [String] }
        input WidgetFilterInput { and: [WidgetFilterInput!] or: [WidgetFilterInput!] name: StringOperationFilterInput stock: IntOperationFilterInput }
        input WidgetSortInput { name: SortEnumType stock: SortEnumType price: SortEnumType }
        input PackInput { lines: [String!]! }
        type Query {
          node(id: ID!): Node
          nodes(ids: [ID!]!): [Node]!
          widgets(first: Int, after: String, where: WidgetFilterInput, order: [WidgetSortInput!]): WidgetsConnection
        }
        type Mutation { pack(input: PackInput!): Int! }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("input-limits-").FullName;
    private readonly IHost _host;
    private readonly WidgetDatabase _db = new();

    public ShelfServer(Action<InputLimitsOptions>? limits = null, int? packLines = null)
    {
        File.WriteAllText(Path.Combine(_directory, "schema.graphql"), Sdl);
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        var services = builder.Services.AddAuthorization();
        services.AddSingleton(Calls).AddSingleton(_db);
        services.AddQueryableMapping<Widget>(mapping => mapping.Key(widget => widget.Id));
        if (packLines is { } maximum)
        {
            services.AddInputListLimit(PackLines, maximum);
        }

        services.AddGraphQLServer().ConfigureSchema(schema => schema.InDirectory(_directory)
            .AddResolvers<ShelfQuery>()
            .AddResolvers<ShelfMutation>()
            .AddNode<Widget, int>("Widget", widget => widget.Id, (_, id) =>
            {
                Interlocked.Increment(ref Calls.Count);
                return WidgetDatabase.Seed().FirstOrDefault(widget => widget.Id == id);
            }));
        if (limits is not null)
        {
            services.Configure(limits);
        }

        _host = builder.Build();
    }

    public ShelfCalls Calls { get; } = new();

    public IServiceProvider Services => _host.Services;

    /// <summary>Starts the host (runs start-up validation); the tests otherwise only use its services.</summary>
    public Task StartAsync() => _host.StartAsync();

    /// <summary>Runs <paramref name="query"/> with <paramref name="variables"/> (a JSON object) as a transport would.</summary>
    public async Task<ExecutionResult> ExecuteAsync(string query, string? variables = null)
    {
        await using var scope = Services.CreateAsyncScope();
        var request = new GraphQLRequest
        {
            Query = query,
            Variables = variables is null ? null : scope.ServiceProvider.GetRequiredService<IGraphQLTextSerializer>().Deserialize<Inputs>(variables),
        };
        return await Services.GetRequiredService<IGraphQLExecutor>()
            .ExecuteAsync(new GraphQLExecutionRequest(request, new ClaimsPrincipal(new ClaimsIdentity()), scope.ServiceProvider), CancellationToken.None);
    }

    public string Json(ExecutionResult result) => Services.GetRequiredService<IGraphQLTextSerializer>().Serialize(result);

    public void Dispose()
    {
        _host.Dispose();
        _db.Dispose();
        Directory.Delete(_directory, recursive: true);
    }
}

internal static class SchemaFirstOptionsTestExtensions
{
    public static SchemaFirstOptions InDirectory(this SchemaFirstOptions options, string directory)
    {
        options.SchemaDirectory = directory;
        return options;
    }
}
