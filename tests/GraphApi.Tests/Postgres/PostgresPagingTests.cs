using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;

namespace GraphApi.Tests.Postgres;

/// <summary>Keyset cursors, exact page flags, totalCount and grouped User.orders pages on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPagingTests(GraphApiFixture sqlite, PostgresGraphApiFixture postgres)
    : IClassFixture<GraphApiFixture>, IClassFixture<PostgresGraphApiFixture>
{
    private const string ProductsPage = """
        query($first: Int, $after: String, $last: Int, $before: String, $order: [ProductSortInput!]) {
          products(first: $first, after: $after, last: $last, before: $before, order: $order) {
            totalCount
            nodes { sku }
            pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
          }
        }
        """;

    private readonly ProviderPair _both = new(sqlite, postgres);

    private async Task<ProductsPageResult> ProductsAsync(object variables)
    {
        var products = (await _both.PostToBothAsync(f => f.Anonymous, ProductsPage, variables)).Data!["products"]!;
        var info = products["pageInfo"]!;
        Assert.Equal(5, products["totalCount"]!.GetValue<int>());
        var skus = string.Join(' ', products["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()));
        var shape = $"{skus}; next: {Flag(info["hasNextPage"])}; previous: {Flag(info["hasPreviousPage"])}";
        return new ProductsPageResult(shape, info["startCursor"]?.GetValue<string>(), info["endCursor"]?.GetValue<string>());

        static string Flag(System.Text.Json.Nodes.JsonNode? flag) => flag!.GetValue<bool>() ? "true" : "false";
    }

    [RequiresPostgresFact]
    public async Task Cursors_walk_forward_and_back_with_exact_flags()
    {
        var order = new[] { new { price = "DESC" } }; // 329.00, 199.00, 89.99, 24.50, 9.99

        var first = await ProductsAsync(new { first = 2, order });
        var second = await ProductsAsync(new { first = 2, after = first.End, order });
        var last = await ProductsAsync(new { first = 2, after = second.End, order });
        var back = await ProductsAsync(new { last = 2, before = last.Start, order });
        var head = await ProductsAsync(new { last = 3, before = second.End, order });

        Assert.Equal("MN-003 HD-005; next: true; previous: false", first.Shape);
        Assert.Equal("KB-001 MS-002; next: true; previous: true", second.Shape);
        Assert.Equal("CB-004; next: false; previous: true", last.Shape);
        Assert.Equal("KB-001 MS-002; next: true; previous: true", back.Shape);
        Assert.Equal("MN-003 HD-005 KB-001; next: true; previous: false", head.Shape);
    }

    [RequiresPostgresFact]
    public async Task The_last_page_without_a_cursor_ends_the_list()
    {
        var tail = await ProductsAsync(new { last = 2, order = new[] { new { name = "ASC" } } });

        // Names: 4K Monitor, Mechanical Keyboard, Noise-Cancelling Headphones, USB-C Cable, Wireless Mouse.
        Assert.Equal("CB-004 MS-002; next: false; previous: true", tail.Shape);
    }

    [RequiresPostgresFact]
    public async Task Cursors_under_string_sorts_page_through_users()
    {
        const string query = """
            query($after: String) { users(first: 2, after: $after, order: [{ username: DESC }]) {
              totalCount nodes { username } pageInfo { hasNextPage hasPreviousPage endCursor } } }
            """;

        var first = await _both.PostToBothAsync(f => f.Admin, query);
        var cursor = first.Data!["users"]!["pageInfo"]!["endCursor"]!.GetValue<string>();
        var second = await _both.PostToBothAsync(f => f.Admin, query, new { after = cursor });

        Assert.Equal(
            """{"totalCount":3,"nodes":[{"username":"bob"},{"username":"admin"}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":false,"endCursor":"__"}}""",
            WithoutCursor(first.Data!["users"]!));
        Assert.Equal(
            """{"totalCount":3,"nodes":[{"username":"Alice"}],"pageInfo":{"hasNextPage":false,"hasPreviousPage":true,"endCursor":"__"}}""",
            WithoutCursor(second.Data!["users"]!));
    }

    [RequiresPostgresFact]
    public async Task TotalCount_counts_the_filtered_set_not_the_page()
    {
        var response = await _both.PostToBothAsync(
            f => f.Admin,
            """{ orders(first: 1, where: { status: { neq: CANCELLED } }) { totalCount nodes { status } pageInfo { hasNextPage } } }""");

        Assert.Equal(
            """{"totalCount":4,"nodes":[{"status":"PENDING"}],"pageInfo":{"hasNextPage":true}}""",
            response.Data!["orders"]!.ToJsonString());
    }

    [RequiresPostgresFact]
    public async Task User_orders_are_paged_per_user_in_one_grouped_query()
    {
        var response = await _both.PostToBothAsync(f => f.Admin, """
            {
              users(order: [{ createdAt: ASC }]) {
                nodes {
                  username
                  orders(first: 2, order: [{ total: DESC }]) { totalCount nodes { total } pageInfo { hasNextPage hasPreviousPage } }
                }
              }
            }
            """);

        Assert.Equal(
            """[{"username":"admin","orders":{"totalCount":0,"nodes":[],"pageInfo":{"hasNextPage":false,"hasPreviousPage":false}}},"""
            + """{"username":"Alice","orders":{"totalCount":3,"nodes":[{"total":329.00},{"total":228.97}],"pageInfo":{"hasNextPage":true,"hasPreviousPage":false}}},"""
            + """{"username":"bob","orders":{"totalCount":2,"nodes":[{"total":398.00},{"total":24.50}],"pageInfo":{"hasNextPage":false,"hasPreviousPage":false}}}]""",
            response.Data!["users"]!["nodes"]!.ToJsonString());
    }

    [RequiresPostgresFact]
    public async Task User_orders_page_backwards_from_a_cursor()
    {
        var alice = GlobalId.Encode("User", postgres.Data.Alice.Id);
        const string query = """
            query($id: ID!, $before: String) { userById(id: $id) {
              orders(last: 1, before: $before) { nodes { status } pageInfo { hasNextPage hasPreviousPage startCursor } } } }
            """;

        var tail = await _both.PostToBothAsync(f => f.Alice, query, new { id = alice });
        var cursor = tail.Data!["userById"]!["orders"]!["pageInfo"]!["startCursor"]!.GetValue<string>();
        var before = await _both.PostToBothAsync(f => f.Alice, query, new { id = alice, before = cursor });

        Assert.Equal("""[{"status":"DELIVERED"}]""", tail.Data!["userById"]!["orders"]!["nodes"]!.ToJsonString());
        Assert.Equal("""[{"status":"PAID"}]""", before.Data!["userById"]!["orders"]!["nodes"]!.ToJsonString());
        Assert.True(before.Data!["userById"]!["orders"]!["pageInfo"]!["hasNextPage"]!.GetValue<bool>());
        Assert.True(before.Data!["userById"]!["orders"]!["pageInfo"]!["hasPreviousPage"]!.GetValue<bool>());
    }

    /// <summary>A page as "skus; next: flag; previous: flag", and its cursors.</summary>
    private sealed record ProductsPageResult(string Shape, string? Start, string? End);

    /// <summary>Cursors are opaque (and already compared across providers): blank them to compare the rest.</summary>
    private static string WithoutCursor(System.Text.Json.Nodes.JsonNode connection)
    {
        var copy = connection.DeepClone();
        copy["pageInfo"]!["endCursor"] = "__";
        return copy.ToJsonString();
    }
}
