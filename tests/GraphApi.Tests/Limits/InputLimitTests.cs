using System.Diagnostics;
using System.Net;
using System.Text.Json;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Realtime;

namespace GraphApi.Tests.Limits;

/// <summary>
/// decisions.md "Abuse resistance", input sizes, over HTTP with the app's configuration: each limit at its
/// boundary answers 200 / 400 INPUT_LIMIT_EXCEEDED, and the inputs that crashed the process are refused quickly.
/// </summary>
public sealed class InputLimitTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private const string Products = "query($where: ProductFilterInput, $order: [ProductSortInput!]) { products(first: 50, where: $where, order: $order) { nodes { sku } } }";

    private static Dictionary<string, object?> Obj(string name, object? value) => new() { [name] = value };

    /// <summary>Each and entry { stock: { gte: 0 } } is 2 nodes; an odd count adds name's neq.</summary>
    private static Dictionary<string, object?> WhereOfNodes(int nodes)
    {
        var where = Obj("and", Enumerable.Range(0, nodes / 2).Select(_ => Obj("stock", Obj("gte", 0))).ToArray());
        if (nodes % 2 == 1)
        {
            where["name"] = Obj("neq", "none");
        }

        return where;
    }

    private static void AssertRefused(GraphQLResponse response, string limit)
    {
        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Null(response.Data);
        Assert.Equal(["INPUT_LIMIT_EXCEEDED"], response.ErrorCodes);
        Assert.Equal(limit, response.Errors[0]!["extensions"]!["limit"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(100, true)]
    [InlineData(101, false)]
    public async Task A_where_holds_at_most_100_nodes(int nodes, bool allowed)
    {
        var response = await fixture.Anonymous.PostAsync(Products, new { where = WhereOfNodes(nodes) });

        if (allowed)
        {
            Assert.Equal(5, response.AssertNoErrors().Data!["products"]!["nodes"]!.AsArray().Count);
        }
        else
        {
            AssertRefused(response, "MaxFilterNodes");
        }
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public async Task A_where_nests_at_most_10_deep(int depth, bool allowed)
    {
        var where = Obj("stock", Obj("gte", 0));
        for (var level = 1; level < depth; level++)
        {
            where = Obj("or", new[] { where });
        }

        var response = await fixture.Anonymous.PostAsync(Products, new { where });

        if (allowed)
        {
            response.AssertNoErrors();
        }
        else
        {
            AssertRefused(response, "MaxFilterDepth");
        }
    }

    [Theory]
    [InlineData("in", 1_000, true)]
    [InlineData("in", 1_001, false)]
    [InlineData("nin", 1_000, true)]
    [InlineData("nin", 1_001, false)]
    public async Task In_and_nin_hold_at_most_1_000_values(string operation, int count, bool allowed)
    {
        var where = Obj("stock", Obj(operation, Enumerable.Range(0, count).ToArray()));

        var response = await fixture.Anonymous.PostAsync(Products, new { where });

        if (allowed)
        {
            response.AssertNoErrors();
        }
        else
        {
            AssertRefused(response, "MaxFilterListValues");
        }
    }

    [Theory]
    [InlineData(10, true)]
    [InlineData(11, false)]
    public async Task An_order_holds_at_most_10_entries(int entries, bool allowed)
    {
        var order = Enumerable.Range(0, entries).Select(i => Obj(i % 2 == 0 ? "name" : "price", "ASC")).ToArray();

        var response = await fixture.Anonymous.PostAsync(Products, new { order });

        if (allowed)
        {
            response.AssertNoErrors();
        }
        else
        {
            AssertRefused(response, "MaxSortEntries");
        }
    }

    [Theory]
    [InlineData(50, true)]
    [InlineData(51, false)]
    public async Task Nodes_takes_at_most_50_ids(int count, bool allowed)
    {
        var ids = Enumerable.Range(0, count).Select(i => GlobalId.Encode("Product", fixture.Data.Products[i % 5].Id)).ToArray();

        var response = await fixture.Anonymous.PostAsync("query($ids: [ID!]!) { nodes(ids: $ids) { id } }", new { ids });

        if (allowed)
        {
            Assert.Equal(count, response.AssertNoErrors().Data!["nodes"]!.AsArray().Count);
        }
        else
        {
            AssertRefused(response, "MaxNodeIds");
        }
    }

    [Fact]
    public async Task Literals_are_limited_like_variables()
    {
        var values = string.Join(", ", Enumerable.Range(0, 1_001));

        var response = await fixture.Anonymous.PostAsync($"{{ products(where: {{ stock: {{ in: [{values}] }} }}) {{ nodes {{ sku }} }} }}");

        AssertRefused(response, "MaxFilterListValues");
    }

    [Fact]
    public async Task The_limits_hold_over_a_websocket_too()
    {
        await using var socket = await GraphQLWebSocketClient.ConnectAsync(fixture.Factory.Server, GraphQLWebSocketClient.TransportWs);
        await socket.InitAsync();
        var order = Enumerable.Range(0, 11).Select(_ => Obj("name", "ASC")).ToArray();

        await socket.SendAsync(new { id = "q", type = "subscribe", payload = new { query = Products, variables = new { order } } });

        var error = await socket.ReceiveAsync("error");
        Assert.Equal("q", error["id"]!.GetValue<string>());
        Assert.Equal("INPUT_LIMIT_EXCEEDED", error["payload"]![0]!["extensions"]!["code"]!.GetValue<string>());
    }

    public static TheoryData<string, object, string> Attacks => new()
    {
        // The requests that killed the production process with a stack overflow while EF Core translated them.
        { "10,000-entry or (220 KB)", new { where = Obj("or", Enumerable.Range(0, 10_000).Select(_ => Obj("stock", Obj("eq", 1))).ToArray()) }, "MaxFilterNodes" },
        { "60,000-entry order (900 KB)", new { order = Enumerable.Range(0, 60_000).Select(_ => Obj("name", "ASC")).ToArray() }, "MaxSortEntries" },
        { "40,000 in values", new { where = Obj("stock", Obj("in", Enumerable.Range(0, 40_000).ToArray())) }, "MaxFilterListValues" },
    };

    [Theory]
    [MemberData(nameof(Attacks))]
    public async Task The_inputs_that_crashed_the_process_are_refused_quickly_and_service_goes_on(string attack, object variables, string limit)
    {
        var body = JsonSerializer.SerializeToElement(variables); // the test client's own serializing is not the server's time
        (await fixture.Anonymous.PostAsync(Products, new { where = Obj("stock", Obj("in", new[] { 1 })) })).AssertNoErrors(); // warm

        // The fastest of three: a busy test machine may stall one request, a regression slows them all.
        var fastest = long.MaxValue;
        for (var attempt = 0; attempt < 3; attempt++)
        {
            var clock = Stopwatch.StartNew();
            var response = await fixture.Anonymous.PostAsync(Products, body);
            clock.Stop();
            AssertRefused(response, limit);
            fastest = Math.Min(fastest, clock.ElapsedMilliseconds);
        }

        Assert.True(fastest < 1_000, $"{attack}: {fastest} ms");
        Assert.Equal(5, (await fixture.Anonymous.PostAsync(Products)).AssertNoErrors().Data!["products"]!["nodes"]!.AsArray().Count);
    }
}
