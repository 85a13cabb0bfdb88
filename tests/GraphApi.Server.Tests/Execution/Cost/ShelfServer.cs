using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphApi.Server.Execution.Caching;
using GraphApi.Server.Execution.Cost;
using GraphApi.Server.Execution.Limits;
using GraphApi.Server.Http;
using GraphQL;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Tests.Execution.Cost;

[GraphQLMetadata("Query")]
internal sealed class ShelfQuery
{
    public object? Node(string id) => null;

    public object?[] Nodes(string[] ids) => new object?[ids.Length];

    public object? Shelves(int? first, string? after, int? last, string? before) => null;

    public object? Shelf() => null;

    public object[] Featured() => [];
}

/// <summary>
/// A domain-free schema with every list shape the cost model knows (connections, <c>nodes(ids:)</c>, a list with a
/// configured size, plain lists) behind the full HTTP pipeline: document cache, request limits, cost analysis.
/// Every list resolves empty or null, so an accepted operation executes without errors.
/// </summary>
internal sealed class ShelfServer : IAsyncDisposable
{
    /// <summary>The size configured for <c>Shelf.books</c>.</summary>
    public const int BooksSize = 25;

    private const string Sdl = """
        interface Node { id: ID! }

        type Query {
          node(id: ID!): Node
          nodes(ids: [ID!]!): [Node]!
          shelves(first: Int, after: String, last: Int, before: String): ShelvesConnection
          shelf: Shelf
          featured: [Book!]!
        }

        type Shelf implements Node {
          id: ID!
          name: String!
          books: [Book!]!
          shelves(first: Int, after: String, last: Int, before: String): ShelvesConnection
        }

        type Book implements Node {
          id: ID!
          title: String!
          tags: [String!]!
        }

        type ShelvesConnection {
          pageInfo: PageInfo!
          edges: [ShelvesEdge!]
          nodes: [Shelf!]
          totalCount: Int!
        }

        type ShelvesEdge {
          cursor: String!
          node: Shelf!
        }

        type PageInfo {
          hasNextPage: Boolean!
          hasPreviousPage: Boolean!
          startCursor: String
          endCursor: String
        }
        """;

    private readonly WebApplication _app;

    private ShelfServer(WebApplication app) => _app = app;

    public HttpClient Client { get; private set; } = null!;

    public static async Task<ShelfServer> StartAsync(Action<CostAnalysisOptions>? configure = null, Action<RequestLimitsOptions>? limits = null)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { EnvironmentName = "Production" });
        builder.WebHost.UseTestServer();
        builder.Logging.ClearProviders();
        builder.Services.AddTransient<ShelfQuery>();
        builder.Services.AddGraphQL(b => b
            .AddSchema(_ => CreateSchema())
            .AddSystemTextJson()
            .UseRequestLimits(limits)
            .UseCostAnalysis(options =>
            {
                options.ListSizes["Shelf.books"] = BooksSize;
                configure?.Invoke(options);
            })
            .UseDocumentCache());
        builder.Services.AddGraphQLHttp(configure: null);
        var app = builder.Build();
        app.MapGraphQL();
        await app.StartAsync();
        return new ShelfServer(app) { Client = app.GetTestClient() };
    }

    private static GraphQL.Types.Schema CreateSchema()
    {
        var schema = GraphQL.Types.Schema.For(Sdl, b =>
        {
            b.Types.Include<ShelfQuery>();
            b.Types.For("Shelf").IsTypeOfFunc = _ => false;
            b.Types.For("Book").IsTypeOfFunc = _ => false;
        });
        schema.Initialize();
        return schema;
    }

    public async Task<Response> PostAsync(string query, object? variables = null, bool reportCost = false, string? operationName = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables, operationName }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (reportCost)
        {
            request.Headers.Add("GraphQL-Cost", "report");
        }

        using var response = await Client.SendAsync(request);
        return new Response(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    internal sealed record Response(HttpStatusCode Status, string Body)
    {
        public JsonNode Json => JsonNode.Parse(Body)!;

        public string[] ErrorCodes =>
            Json["errors"]?.AsArray().Select(e => e!["extensions"]?["code"]?.GetValue<string>() ?? "").ToArray() ?? [];

        public long? Estimated => Json["extensions"]?["cost"]?["estimated"]?.GetValue<long>();

        public void AssertAccepted()
        {
            Assert.True(Status == HttpStatusCode.OK && Json["errors"] is null, $"{(int)Status}: {Body}");
        }

        public void AssertRefused(string code)
        {
            Assert.Equal(HttpStatusCode.BadRequest, Status);
            Assert.Null(Json["data"]);
            Assert.Equal([code], ErrorCodes);
        }
    }
}
