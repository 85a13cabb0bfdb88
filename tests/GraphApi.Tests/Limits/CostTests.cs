using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphApi.Tests.Hosting;
using Xunit.Abstractions;

namespace GraphApi.Tests.Limits;

/// <summary>
/// Cost analysis and the introspection depth rule on the real schema (decisions.md, "Abuse resistance"): what users
/// really send passes, the fan-outs of issue 8 are refused at once and the server goes on serving.
/// </summary>
public sealed class CostTests(GraphApiFixture fixture, ITestOutputHelper output) : IClassFixture<GraphApiFixture>
{
    // orders 1 + totalCount 1 + nodes 1                                                  =      3
    // × 50 orders, each: id 1 + status 1 + total 1 + customer 1 + id 1 + username 1       =      6
    //                     + items 1 + 50 (Order.items, its most) × (quantity 1 + unitPrice 1
    //                       + product 1 + id 1 + name 1 + price 1)                         =    301
    // 3 + 50 × 307 = 15,353.
    private const string FiftyOrders = """
        query FiftyOrders {
          orders(first: 50) {
            totalCount
            nodes {
              id status total
              customer { id username }
              items { quantity unitPrice product { id name price } }
            }
          }
        }
        """;

    [Fact]
    public async Task Fifty_orders_with_customers_items_and_products_pass_for_an_admin()
    {
        var response = await PostAsync(fixture.Factory.TokenFor(fixture.Data.Admin), FiftyOrders);

        Assert.Equal(HttpStatusCode.OK, response.Status);
        Assert.True(response.Json["errors"] is null, response.Body);
        Assert.Equal(15_353, Estimated(response));
        output.WriteLine($"FiftyOrders: {Estimated(response)}");
    }

    [Fact]
    public async Task The_standard_introspection_query_passes_and_costs_nothing()
    {
        var response = await PostAsync(token: null, StandardIntrospectionQuery.Text);

        Assert.True(response.Json["errors"] is null, response.Body);
        Assert.NotEmpty(response.Json["data"]!["__schema"]!["types"]!.AsArray());
        Assert.Equal(0, Estimated(response));
    }

    public static TheoryData<string, long> Samples() => new()
    {
        // Hand-checked: orders 1 + totalCount 1 + pageInfo 1 + hasNextPage 1 + endCursor 1 + nodes 1 = 6;
        // × 20: id, status, total, createdAt, updatedAt 5 + customer 1 + 3 fields + items 1 + 50 × (quantity, lineTotal,
        // product, id, name, stock 6) = 310; 6 + 20 × 310 = 6,206.
        { "admin-orders-by-status.graphql", 6_206 },
        // users 1 + totalCount 1 + pageInfo 3 + nodes 1 = 6; × 10: 5 fields + orders 1 + totalCount 1 + nodes 1 + 3 × 4 = 20.
        { "admin-users-with-orders.graphql", 206 },
        // orderEvents 1 + 4 fields + order 1 + 3 fields + customer 1 + username 1 = 11.
        { "admin-order-events.graphql", 11 },
        // login 1 + token 1 + expiresAt 1 + user 1 + 3 + errors 1 + 10 × message 1 (__typename costs nothing) = 18.
        { "login.graphql", 18 },
        // me 1 + 2 + orders 1 + totalCount 1 + pageInfo 3 + nodes 1 = 9; × 5: 4 fields + items 1 + 50 × 7 = 355; 9 + 1,775.
        { "my-orders.graphql", 1_784 },
        { "my-profile.graphql", 6 },
        // node 1 + id 1 + 4 + 3 + 3 = 12; nodes 1 + 3 ids × 11 = 34.
        { "node-lookup.graphql", 46 },
        // placeOrder 1 + order 1 + 3 + items 1 + 50 × 6 + errors 1 + 10 × 6 (every member's fields count) = 367.
        { "place-order.graphql", 367 },
        { "product-by-id.graphql", 8 },
        // products 1 + totalCount 1 + pageInfo 5 + edges 1 = 8; × 10: cursor 1 + node 1 + 7 = 9; 8 + 90 = 98.
        { "products-page.graphql", 98 },
    };

    [Theory]
    [MemberData(nameof(Samples))]
    public async Task Every_sample_operation_passes_with_its_reported_cost(string fileName, long expected)
    {
        var path = Path.Combine(RepositoryRoot.Combine("samples", "operations"), fileName);
        var sidecar = Path.ChangeExtension(path, ".variables.json");
        var variables = File.Exists(sidecar) ? JsonNode.Parse(await File.ReadAllTextAsync(sidecar)) : null;

        var response = await PostAsync(fixture.Factory.TokenFor(fixture.Data.Admin), await File.ReadAllTextAsync(path), variables);

        output.WriteLine($"{fileName}: {Estimated(response)}");
        Assert.DoesNotContain("MAX_COST_EXCEEDED", response.Body, StringComparison.Ordinal);
        Assert.DoesNotContain("MAX_INTROSPECTION_DEPTH_EXCEEDED", response.Body, StringComparison.Ordinal);
        Assert.Equal(expected, Estimated(response));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public async Task The_anonymous_possible_types_fan_out_is_refused_at_once(int levels)
    {
        // Issue 8: 637 bytes at L5 answered 67 MB and drove the process to 2 GB.
        var fragments = Enumerable.Range(1, levels).Select(k =>
            $"fragment L{k} on __Type {{ a: possibleTypes {{ interfaces {{ ...L{k - 1} }} }} b: possibleTypes {{ interfaces {{ ...L{k - 1} }} }} }}");
        var query = $$"""{ __type(name: "Error") { ...L{{levels}} } } fragment L0 on __Type { name } """ + string.Join(' ', fragments);

        await AssertRefusedAtOnceAsync(token: null, query, "MAX_INTROSPECTION_DEPTH_EXCEEDED");
    }

    [Fact]
    public async Task The_customer_orders_fan_out_is_refused_at_once()
    {
        // Each fragment pages 50 orders twice and goes on through their customer: 2^3 × 50^4 = 50 million orders.
        const string query = """
            { me { ...O1 } }
            fragment O1 on User { a: orders(first: 50) { nodes { customer { ...O2 } } } b: orders(first: 50) { nodes { customer { ...O2 } } } }
            fragment O2 on User { a: orders(first: 50) { nodes { customer { ...O3 } } } b: orders(first: 50) { nodes { customer { ...O3 } } } }
            fragment O3 on User { a: orders(first: 50) { nodes { customer { ...O4 } } } b: orders(first: 50) { nodes { customer { ...O4 } } } }
            fragment O4 on User { orders(first: 50) { nodes { id total } } }
            """;

        await AssertRefusedAtOnceAsync(fixture.Factory.TokenFor(fixture.Data.Alice), query, "MAX_COST_EXCEEDED");
    }

    private async Task AssertRefusedAtOnceAsync(string? token, string query, string code)
    {
        var stopwatch = Stopwatch.StartNew();
        var response = await PostAsync(token, query);
        stopwatch.Stop();

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Json["data"]);
        Assert.Equal(code, (string?)response.Json["errors"]![0]!["extensions"]!["code"]);
        Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(1), $"took {stopwatch.Elapsed}");
        output.WriteLine($"{code} after {stopwatch.Elapsed.TotalMilliseconds:F1} ms: {response.Json["errors"]![0]!["message"]}");

        var next = await fixture.Anonymous.PostAsync("{ products(first: 1) { totalCount } }");
        next.AssertNoErrors();
    }

    private async Task<GraphQLResponse> PostAsync(string? token, string query, JsonNode? variables = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        request.Headers.Add("GraphQL-Cost", "report");
        if (token is not null)
        {
            request.Headers.Authorization = new("Bearer", token);
        }

        using var http = fixture.Factory.CreateClient();
        using var response = await http.SendAsync(request);
        return new GraphQLResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    private static long? Estimated(GraphQLResponse response) => (long?)response.Json["extensions"]?["cost"]?["estimated"];
}
