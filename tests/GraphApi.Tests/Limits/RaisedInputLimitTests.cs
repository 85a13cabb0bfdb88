using System.Net;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Limits;

/// <summary>The app with its input limits raised in configuration (GraphQL:Limits:Input:*).</summary>
public sealed class RaisedInputLimitsFixture() : GraphApiFixture(() => Task.FromResult(new GraphApiFactory(Settings)))
{
    public static readonly Dictionary<string, string?> Settings = new()
    {
        ["GraphQL:Limits:Input:MaxFilterNodes"] = "100000",
        ["GraphQL:Limits:Input:MaxFilterListValues"] = "100000",
        ["GraphQL:Limits:Input:MaxSortEntries"] = "100000",
        ["GraphQL:Limits:Input:MaxListLengths:Mutation.placeOrder.input.items"] = "2",
    };
}

/// <summary>
/// Raising a limit can never bring the crash back: the translation stays shallow for any size (balanced and/or
/// trees, equalities gathered into one IN, one parameter per in list, one sort entry per member).
/// </summary>
public sealed class RaisedInputLimitTests(RaisedInputLimitsFixture fixture) : IClassFixture<RaisedInputLimitsFixture>
{
    private const string Products = "query($where: ProductFilterInput, $order: [ProductSortInput!]) { products(first: 50, where: $where, order: $order) { nodes { sku } } }";

    private static Dictionary<string, object?> Obj(string name, object? value) => new() { [name] = value };

    private static string[] Skus(GraphQLResponse response) =>
        response.AssertNoErrors().Data!["products"]!["nodes"]!.AsArray().Select(n => n!["sku"]!.GetValue<string>()).ToArray();

    [Fact]
    public async Task A_10_000_entry_or_runs_correctly()
    {
        // Stocks: KB-001 12, MS-002 40, MN-003 5, CB-004 0, HD-005 8; 9,997 values match nothing.
        var values = Enumerable.Range(1_000, 9_997).Append(5).Append(8).Append(40);

        var response = await fixture.Anonymous.PostAsync(Products, new { where = Obj("or", values.Select(v => Obj("stock", Obj("eq", v))).ToArray()) });

        Assert.Equal(["MS-002", "MN-003", "HD-005"], Skus(response));
    }

    [Fact]
    public async Task Forty_thousand_in_values_run_correctly()
    {
        var values = Enumerable.Range(1_000, 39_998).Append(0).Append(12);

        var response = await fixture.Anonymous.PostAsync(Products, new { where = Obj("stock", Obj("in", values.ToArray())) });

        Assert.Equal(["KB-001", "CB-004"], Skus(response));
    }

    [Fact]
    public async Task A_60_000_entry_order_runs_correctly()
    {
        var order = Enumerable.Range(0, 60_000).Select(i => i % 2 == 0 ? Obj("stock", "DESC") : Obj("name", "ASC")).ToArray();

        var response = await fixture.Anonymous.PostAsync(Products, new { order });

        Assert.Equal(["MS-002", "KB-001", "HD-005", "MN-003", "CB-004"], Skus(response));
    }

    [Fact]
    public async Task The_place_order_items_limit_is_configurable()
    {
        var line = new { productId = "UHJvZHVjdDox", quantity = 1 };

        var response = await fixture.Alice.PostAsync(
            "mutation($items: [OrderLineInput!]!) { placeOrder(input: { items: $items }) { order { id } } }",
            new { items = new[] { line, line, line } });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INPUT_LIMIT_EXCEEDED"], response.ErrorCodes);
        Assert.Contains("Mutation.placeOrder.input.items", response.Errors[0]!["message"]!.GetValue<string>(), StringComparison.Ordinal);
    }
}
