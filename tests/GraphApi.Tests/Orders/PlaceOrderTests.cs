using GraphApi.Server.Schema.Nodes;
using Snapshooter.Xunit;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Orders;

/// <summary>placeOrder writes, so every test gets its own application.</summary>
public sealed class PlaceOrderTests : IAsyncLifetime
{
    private readonly OrderTestApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Places_the_order_with_prices_copied_exact_totals_and_stock_taken()
    {
        var response = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = new[] { Line(_app.ProductId(0), 2), Line(_app.ProductId(1), 3) },
        });

        response.AssertNoErrors();
        Assert.Equal(2 * 89.99m + 3 * 24.50m, response.Data!["placeOrder"]!["order"]!["total"]!.GetValue<decimal>());
        Assert.Equal(new[] { 10, 37, 5, 0, 8 }, await _app.AllStockAsync());
        Assert.Equal(6, await _app.OrderCountAsync());
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task The_payload_reads_the_placed_lines_from_the_write_without_querying_them_again()
    {
        _app.Factory.Sql.Reset();

        var response = await _app.Alice.PostAsync(
            "mutation($items: [OrderLineInput!]!) { placeOrder(input: { items: $items }) { order { total items { quantity unitPrice } } } }",
            new { items = new[] { Line(_app.ProductId(0), 2), Line(_app.ProductId(1), 3) } });

        response.AssertNoErrors();
        Assert.Equal(["2:89.99", "3:24.50"], response.Data!["placeOrder"]!["order"]!["items"]!.AsArray()
            .Select(i => $"{i!["quantity"]}:{i["unitPrice"]!.GetValue<decimal>()}"));
        Assert.DoesNotContain(_app.Factory.Sql.Commands, sql => sql.Contains("FROM \"OrderItems\"", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("!!nope!!")]
    [InlineData("UHJvZHVjdDphYmM=")] // Product:abc
    [InlineData("VXNlcjox")] // User:1, an ID of another type
    public async Task A_malformed_product_ID_in_a_line_is_INVALID_ID_and_nothing_is_written(string productId)
    {
        var response = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = new[] { Line(_app.ProductId(0), 1), Line(productId, 1) },
        });

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
        Assert.Null(response.Data);
        Assert.Equal(new[] { 12, 40, 5, 0, 8 }, await _app.AllStockAsync());
        Assert.Equal(5, await _app.OrderCountAsync());
    }

    [Fact]
    public async Task Lines_of_the_same_product_are_merged_into_one_line()
    {
        var response = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = new[] { Line(_app.ProductId(2), 1), Line(_app.ProductId(4), 1), Line(_app.ProductId(2), 2) },
        });

        response.AssertNoErrors();
        var items = response.Data!["placeOrder"]!["order"]!["items"]!.AsArray();
        Assert.Equal(["MN-003:3", "HD-005:1"], items.Select(i => $"{i!["product"]!["sku"]}:{i["quantity"]}"));
        Assert.Equal(2, await _app.StockAsync(2));
    }

    [Fact]
    public async Task Every_validation_error_is_reported_together_and_nothing_is_written()
    {
        var unknown = GlobalId.Encode("Product", 999);
        var response = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = new[]
            {
                Line(_app.ProductId(0), 0),        // items[0].quantity
                Line(unknown, 2),                  // ProductNotFoundError
                Line(_app.ProductId(1), 1_001),    // items[2].quantity
                Line(_app.ProductId(3), 5),        // out of stock, but stock is not checked while validation fails
            },
        });

        response.AssertNoErrors();
        Assert.Null(response.Data!["placeOrder"]!["order"]);
        Assert.Equal(
            ["items[0].quantity", null, "items[2].quantity"],
            response.Data!["placeOrder"]!["errors"]!.AsArray().Select(e => e!["field"]?.GetValue<string>()));
        Assert.Equal(new[] { 12, 40, 5, 0, 8 }, await _app.AllStockAsync());
        Assert.Equal(5, await _app.OrderCountAsync());
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task A_merged_line_is_checked_on_its_summed_quantity_at_the_index_of_its_first_line()
    {
        var response = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = new[] { Line(_app.ProductId(1), 1), Line(_app.ProductId(0), 600), Line(_app.ProductId(0), 401) },
        });

        var errors = response.AssertNoErrors().Data!["placeOrder"]!["errors"]!.AsArray();
        var error = Assert.Single(errors);
        Assert.Equal("items[1].quantity", error!["field"]!.GetValue<string>());
        Assert.Contains("1001", error["message"]!.GetValue<string>());
    }

    [Fact]
    public async Task An_order_needs_between_1_and_50_different_products()
    {
        var empty = await _app.Alice.PostAsync(PlaceOrder, new { items = Array.Empty<object>() });
        var tooMany = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = Enumerable.Range(1, 51).Select(id => Line(GlobalId.Encode("Product", id), 1)).ToArray(),
        });
        var fiftyOneLinesOfOneProduct = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = Enumerable.Repeat(Line(_app.ProductId(1), 1), 51).ToArray(), // one merged line of 51; 40 in stock
        });

        Assert.Equal("items", empty.AssertNoErrors().Data!["placeOrder"]!["errors"]![0]!["field"]!.GetValue<string>());
        Assert.Equal("items", tooMany.AssertNoErrors().Data!["placeOrder"]!["errors"]![0]!["field"]!.GetValue<string>());
        var shortOfStock = Assert.Single(fiftyOneLinesOfOneProduct.AssertNoErrors().Data!["placeOrder"]!["errors"]!.AsArray())!;
        Assert.Equal(("OutOfStockError", 51), (shortOfStock["__typename"]!.GetValue<string>(), shortOfStock["requested"]!.GetValue<int>()));
        Assert.Equal(5, await _app.OrderCountAsync());
    }

    [Fact]
    public async Task Every_short_product_gets_an_OutOfStockError_and_nothing_is_written()
    {
        var response = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = new[]
            {
                Line(_app.ProductId(4), 9),  // HD-005: 8 in stock
                Line(_app.ProductId(1), 40), // MS-002: exactly enough, taken then rolled back
                Line(_app.ProductId(3), 1),  // CB-004: none in stock
                Line(_app.ProductId(4), 1),  // merged into items[0]: 10 requested
            },
        });

        response.AssertNoErrors();
        Assert.Null(response.Data!["placeOrder"]!["order"]);
        Assert.Equal(new[] { 12, 40, 5, 0, 8 }, await _app.AllStockAsync());
        Assert.Equal(5, await _app.OrderCountAsync());
        Assert.Equal(7, await _app.OrderItemCountAsync());
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task An_unknown_product_among_valid_lines_is_a_validation_error_even_when_another_line_is_short()
    {
        var unknown = GlobalId.Encode("Product", 999);
        var response = await _app.Alice.PostAsync(PlaceOrder, new
        {
            items = new[]
            {
                Line(_app.ProductId(1), 40), // MS-002: exactly enough, taken then rolled back
                Line(unknown, 1),            // no such product: found by its stock UPDATE, which updates nothing
                Line(_app.ProductId(3), 1),  // CB-004: none in stock, but validation errors come first
            },
        });

        var errors = response.AssertNoErrors().Data!["placeOrder"]!["errors"]!.AsArray();
        Assert.Null(response.Data!["placeOrder"]!["order"]);
        var error = Assert.Single(errors)!;
        Assert.Equal(("ProductNotFoundError", unknown), (error["__typename"]!.GetValue<string>(), error["productId"]!.GetValue<string>()));
        Assert.Equal(new[] { 12, 40, 5, 0, 8 }, await _app.AllStockAsync());
        Assert.Equal(5, await _app.OrderCountAsync());
        Assert.Equal(7, await _app.OrderItemCountAsync());
    }

    [Fact]
    public async Task Anonymous_callers_cannot_place_orders()
    {
        var response = await _app.Anonymous.PostAsync(PlaceOrder, new { items = new[] { Line(_app.ProductId(0), 1) } });

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(12, await _app.StockAsync(0));
        Assert.Equal(5, await _app.OrderCountAsync());
    }
}
