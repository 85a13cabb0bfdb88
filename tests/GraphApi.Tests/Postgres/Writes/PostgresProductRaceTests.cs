using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Tests.Postgres.Writes;

/// <summary>createProduct racing for one SKU and restockProduct racing on one product, on PostgreSQL.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresProductRaceTests(PostgresWritesFixture app) : IClassFixture<PostgresWritesFixture>
{
    private const string CreateProduct = """
        mutation($input: CreateProductInput!) {
          createProduct(input: $input) {
            product { sku stock }
            errors { __typename ... on SkuTakenError { sku } }
          }
        }
        """;

    private const string RestockProduct = """
        mutation($input: RestockProductInput!) {
          restockProduct(input: $input) {
            product { stock }
            errors { __typename }
          }
        }
        """;

    [RequiresPostgresFact]
    public async Task Ten_concurrent_creates_of_one_sku_have_one_winner()
    {
        var responses = await ConcurrentRequests.SendAsync(10, i => app.Admin.PostAsync(CreateProduct, new
        {
            input = new { sku = "RACE-SKU", name = $"Contender {i}", price = 1.50m, stock = i },
        }));

        var payloads = responses.Select(r => r.AssertNoErrors().Data!["createProduct"]!).ToList();
        var winner = Assert.Single(payloads, p => p["product"] is not null)["product"]!["stock"]!.GetValue<int>();
        var losers = payloads.Where(p => p["product"] is null).Select(p => Assert.Single(p["errors"]!.AsArray())!).ToList();
        Assert.Equal(9, losers.Count);
        Assert.All(losers, e => Assert.Equal(
            ("SkuTakenError", "RACE-SKU"), (e["__typename"]!.GetValue<string>(), e["sku"]!.GetValue<string>())));
        Assert.Equal([winner], await app.WithDbAsync(db => db.Products.Where(p => p.Sku == "RACE-SKU").Select(p => p.Stock).ToListAsync()));
    }

    [RequiresPostgresFact]
    public async Task Twenty_concurrent_restocks_add_up()
    {
        var product = await app.AddProductAsync(stock: 5);

        // Quantities 1..20: a lost update would make the sum come out short.
        var responses = await ConcurrentRequests.SendAsync(20, i => app.Admin.PostAsync(RestockProduct, new
        {
            input = new { productId = PostgresWritesFixture.ProductId(product), quantity = i + 1 },
        }));

        var stocks = responses.Select(r => r.AssertNoErrors().Data!["restockProduct"]!["product"]!["stock"]!.GetValue<int>()).ToList();
        Assert.Equal(5 + 210, await app.StockAsync(product));
        Assert.Contains(5 + 210, stocks); // the last restock to commit reads the total back
    }
}
