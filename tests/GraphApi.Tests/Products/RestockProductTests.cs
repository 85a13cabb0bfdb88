using GraphApi.Products;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Products;

/// <summary>restockProduct: bounds, the stock cap, missing and malformed IDs, and concurrent restocks adding up.</summary>
public sealed class RestockProductTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private const string RestockProduct = """
        mutation($input: RestockProductInput!) {
          restockProduct(input: $input) {
            product { sku stock }
            errors {
              __typename
              ... on Error { message }
              ... on ValidationError { field }
              ... on ProductNotFoundError { productId }
            }
          }
        }
        """;

    [Fact]
    public async Task An_admin_restocks_a_product()
    {
        var product = await AddProductAsync("RS-SUCCESS", stock: 5);

        var response = await RestockAsync(Id(product), 10);

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
        Assert.Equal(15, await StockAsync(product));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(1_000_000)]
    public async Task Quantities_from_1_to_a_million_are_accepted(int quantity)
    {
        var product = await AddProductAsync($"RS-OK-{quantity}", stock: 0);

        var response = await RestockAsync(Id(product), quantity);

        response.AssertNoErrors();
        Assert.Equal(quantity, response.Data!["restockProduct"]!["product"]!["stock"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(0)]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    public async Task Quantities_outside_the_range_are_a_validation_error_and_change_nothing(int quantity)
    {
        var product = await AddProductAsync($"RS-BAD-{quantity}", stock: 3);

        var response = await RestockAsync(Id(product), quantity);

        AssertErrors(response, ("ValidationError", "quantity"));
        Assert.Equal(3, await StockAsync(product));
    }

    [Fact]
    public async Task Stock_may_reach_exactly_a_million()
    {
        var product = await AddProductAsync("RS-CAP-EXACT", stock: 999_990);

        var response = await RestockAsync(Id(product), 10);

        response.AssertNoErrors();
        Assert.Equal(1_000_000, await StockAsync(product));
    }

    [Fact]
    public async Task Stock_above_a_million_is_a_validation_error_on_quantity()
    {
        var product = await AddProductAsync("RS-CAP-OVER", stock: 999_990);

        var response = await RestockAsync(Id(product), 11);

        AssertErrors(response, ("ValidationError", "quantity"));
        Snapshot.Match(response.Body);
        Assert.Equal(999_990, await StockAsync(product));
    }

    [Fact]
    public async Task A_missing_product_is_a_ProductNotFoundError()
    {
        var missing = GlobalId.Encode("Product", 987_654);

        var response = await RestockAsync(missing, 5);

        AssertErrors(response, ("ProductNotFoundError", null));
        Assert.Equal(missing, response.Data!["restockProduct"]!["errors"]![0]!["productId"]!.GetValue<string>());
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task A_missing_product_and_a_bad_quantity_are_reported_together()
    {
        var response = await RestockAsync(GlobalId.Encode("Product", 987_655), 0);

        AssertErrors(response, ("ProductNotFoundError", null), ("ValidationError", "quantity"));
    }

    [Theory]
    [InlineData("not base64 at all")]
    [InlineData("UHJvZHVjdDphYmM=")] // Product:abc
    [InlineData("T3JkZXI6MQ==")] // Order:1, an ID of another type
    public async Task A_malformed_id_is_an_INVALID_ID_error(string id)
    {
        var response = await RestockAsync(id, 5);

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
        Assert.Null(response.Data);
    }

    [Fact]
    public async Task Concurrent_restocks_add_up_exactly()
    {
        var product = await AddProductAsync("RS-CONCURRENT", stock: 7);
        var admin = fixture.Admin;

        var responses = await Task.WhenAll(Enumerable.Range(0, 25).Select(_ => RestockAsync(admin, Id(product), 3)));

        Assert.All(responses, r => Assert.NotNull(r.AssertNoErrors().Data!["restockProduct"]!["product"]));
        Assert.Equal(7 + 25 * 3, await StockAsync(product));
    }

    private static string Id(Product product) => GlobalId.Encode("Product", product.Id);

    private Task<GraphQLResponse> RestockAsync(string productId, int quantity) =>
        RestockAsync(fixture.Admin, productId, quantity);

    private static Task<GraphQLResponse> RestockAsync(GraphQLTestClient client, string productId, int quantity) =>
        client.PostAsync(RestockProduct, new { input = new { productId, quantity } });

    private Task<Product> AddProductAsync(string sku, int stock) => fixture.Factory.WithDbAsync(async db =>
    {
        var product = TestData.NewProduct(sku, "Restock " + sku, 5.00m, stock, 30);
        db.Products.Add(product);
        await db.SaveChangesAsync();
        return product;
    });

    private Task<int> StockAsync(Product product) =>
        fixture.Factory.WithDbAsync(db => db.Products.Where(p => p.Id == product.Id).Select(p => p.Stock).SingleAsync());

    private static void AssertErrors(GraphQLResponse response, params (string Type, string? Field)[] expected)
    {
        response.AssertNoErrors();
        var payload = response.Data!["restockProduct"]!;
        Assert.Null(payload["product"]);
        var actual = payload["errors"]!.AsArray()
            .Select(e => (e!["__typename"]!.GetValue<string>(), e["field"]?.GetValue<string>()))
            .ToArray();
        Assert.Equal(expected, actual);
    }
}
