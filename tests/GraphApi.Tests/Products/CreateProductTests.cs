using System.Net;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Products;

/// <summary>createProduct: validation at every boundary, SKU uniqueness (also under a race), nothing written on error.</summary>
public sealed class CreateProductTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private const string CreateProduct = """
        mutation($input: CreateProductInput!) {
          createProduct(input: $input) {
            product { sku name description price stock }
            errors {
              __typename
              ... on Error { message }
              ... on ValidationError { field }
              ... on SkuTakenError { sku }
            }
          }
        }
        """;

    [Fact]
    public async Task An_admin_creates_a_product()
    {
        var response = await CreateAsync(sku: "NEW-Lamp_1", name: "  Desk Lamp ", description: "Warm light", price: 34.90m, stock: 7);

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
        var stored = await fixture.Factory.WithDbAsync(db => db.Products.AsNoTracking().SingleAsync(p => p.Sku == "NEW-Lamp_1"));
        Assert.Equal(("Desk Lamp", 34.90m, 7), (stored.Name, stored.Price, stored.Stock));
        Assert.True(DateTime.UtcNow - stored.CreatedAt < TimeSpan.FromMinutes(1), $"createdAt {stored.CreatedAt:O} is not now");

        // The new product is reachable through its global ID (kept out of the snapshot: it depends on test order).
        var byId = await fixture.Anonymous.PostAsync(
            "query($id: ID!) { productById(id: $id) { sku } }", new { id = GlobalId.Encode("Product", stored.Id) });
        Assert.Equal("NEW-Lamp_1", byId.AssertNoErrors().Data!["productById"]!["sku"]!.GetValue<string>());
    }

    public static TheoryData<string, decimal> AcceptedPrices => new()
    {
        { "zero", 0.00m },
        { "one cent", 0.01m },
        { "two decimals", 1234.56m },
        { "one decimal", 7.5m },
        { "just below the maximum", 999_999.99m },
        { "the maximum", 1_000_000.00m },
    };

    [Theory]
    [MemberData(nameof(AcceptedPrices))]
    public async Task Prices_within_the_rules_are_accepted(string why, decimal price)
    {
        var response = await CreateAsync(price: price);

        response.AssertNoErrors();
        Assert.True(response.Data!["createProduct"]!["errors"] is null, why);
        Assert.Equal(price, response.Data!["createProduct"]!["product"]!["price"]!.GetValue<decimal>());
    }

    public static TheoryData<string, decimal> RejectedPrices => new()
    {
        { "one cent above the maximum", 1_000_000.01m },
        { "far above the maximum", 5_000_000m },
        { "negative", -0.01m },
        { "three decimals", 10.005m },
        { "a tenth of a cent", 0.001m },
    };

    [Theory]
    [MemberData(nameof(RejectedPrices))]
    public async Task Prices_outside_the_rules_are_a_validation_error(string why, decimal price)
    {
        var response = await CreateAsync(price: price);

        AssertOnlyValidationErrors(response, why, "price");
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(1_000_000)]
    public async Task Stock_from_zero_to_a_million_is_accepted(int stock)
    {
        var response = await CreateAsync(stock: stock);

        response.AssertNoErrors();
        Assert.Equal(stock, response.Data!["createProduct"]!["product"]!["stock"]!.GetValue<int>());
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(1_000_001)]
    [InlineData(int.MinValue)]
    public async Task Stock_outside_the_range_is_a_validation_error(int stock)
    {
        var response = await CreateAsync(stock: stock);

        AssertOnlyValidationErrors(response, $"stock {stock}", "stock");
    }

    public static TheoryData<string> AcceptedSkus => new()
    {
        "A",
        "abc-XYZ_09",
        new string('S', 64),
    };

    [Theory]
    [MemberData(nameof(AcceptedSkus))]
    public async Task Skus_of_1_to_64_allowed_characters_are_accepted(string sku)
    {
        var response = await CreateAsync(sku: sku);

        response.AssertNoErrors();
        Assert.Equal(sku, response.Data!["createProduct"]!["product"]!["sku"]!.GetValue<string>());
    }

    public static TheoryData<string, string> RejectedSkus => new()
    {
        { "empty", "" },
        { "65 characters", new string('S', 65) },
        { "a space", "KB 001" },
        { "surrounding space", " KB-009" },
        { "a slash", "KB/001" },
        { "a dot", "KB.001" },
        { "a non-ASCII letter", "KÄ-001" },
    };

    [Theory]
    [MemberData(nameof(RejectedSkus))]
    public async Task Skus_outside_the_rules_are_a_validation_error(string why, string sku)
    {
        var response = await CreateAsync(sku: sku);

        AssertOnlyValidationErrors(response, why, "sku");
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("201 characters")]
    public async Task Empty_blank_or_overlong_names_are_a_validation_error(string name)
    {
        var response = await CreateAsync(name: name == "201 characters" ? new string('n', 201) : name);

        AssertOnlyValidationErrors(response, $"name '{name}'", "name");
    }

    [Fact]
    public async Task A_name_of_200_characters_is_accepted()
    {
        var response = await CreateAsync(name: new string('n', 200));

        response.AssertNoErrors();
        Assert.Equal(200, response.Data!["createProduct"]!["product"]!["name"]!.GetValue<string>().Length);
    }

    [Fact]
    public async Task Every_violation_is_reported_together_and_nothing_is_written()
    {
        var before = await ProductCountAsync();

        var response = await CreateAsync(sku: "bad sku", name: " ", price: 1.005m, stock: -5);

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
        Assert.Equal(before, await ProductCountAsync());
    }

    [Fact]
    public async Task A_taken_sku_is_a_SkuTakenError_and_nothing_is_written()
    {
        var before = await ProductCountAsync();

        var response = await CreateAsync(sku: fixture.Data.Products[0].Sku);

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
        Assert.Equal(before, await ProductCountAsync());
    }

    [Fact]
    public async Task A_taken_sku_is_reported_alongside_validation_errors()
    {
        var response = await CreateAsync(sku: fixture.Data.Products[1].Sku, stock: -1);

        response.AssertNoErrors();
        var kinds = response.Data!["createProduct"]!["errors"]!.AsArray().Select(e => e!["__typename"]!.GetValue<string>());
        Assert.Equal(["ValidationError", "SkuTakenError"], kinds);
    }

    [Fact]
    public async Task Skus_are_case_sensitive()
    {
        var response = await CreateAsync(sku: fixture.Data.Products[2].Sku.ToLowerInvariant());

        response.AssertNoErrors();
        Assert.NotNull(response.Data!["createProduct"]!["product"]);
    }

    [Fact]
    public async Task Racing_creates_of_one_sku_let_exactly_one_win()
    {
        const string sku = "RACE-1";
        var admin = fixture.Admin;

        var responses = await Task.WhenAll(Enumerable.Range(0, 12).Select(_ => CreateAsync(admin, sku: sku)));

        Assert.All(responses, r => r.AssertNoErrors());
        var payloads = responses.Select(r => r.Data!["createProduct"]!).ToArray();
        Assert.Single(payloads, p => p["product"] is not null);
        Assert.All(payloads.Where(p => p["product"] is null), p =>
            Assert.Equal("SkuTakenError", p["errors"]![0]!["__typename"]!.GetValue<string>()));
        Assert.Equal(1, await fixture.Factory.WithDbAsync(db => db.Products.CountAsync(p => p.Sku == sku)));
    }

    [Fact]
    public async Task A_price_written_inline_follows_the_same_rules()
    {
        var response = await fixture.Admin.PostAsync(
            """mutation { createProduct(input: { sku: "INLINE-1", name: "Inline", price: 0.125, stock: 1 }) { product { id } errors { ... on ValidationError { field } } } }""");

        response.AssertNoErrors();
        Assert.Null(response.Data!["createProduct"]!["product"]);
        Assert.Equal("price", response.Data!["createProduct"]!["errors"]![0]!["field"]!.GetValue<string>());
    }

    private static int _skuCounter;

    private Task<GraphQLResponse> CreateAsync(
        string? sku = null, string name = "Test Product", string? description = null, decimal price = 10.00m, int stock = 1) =>
        CreateAsync(fixture.Admin, sku, name, description, price, stock);

    private static Task<GraphQLResponse> CreateAsync(
        GraphQLTestClient client, string? sku = null, string name = "Test Product", string? description = null,
        decimal price = 10.00m, int stock = 1) =>
        client.PostAsync(CreateProduct, new
        {
            input = new { sku = sku ?? $"T-{Interlocked.Increment(ref _skuCounter)}", name, description, price, stock },
        });

    private static void AssertOnlyValidationErrors(GraphQLResponse response, string why, string field)
    {
        Assert.True(response.Status == HttpStatusCode.OK && response.Errors.Count == 0, why + ": " + response.Body);
        var payload = response.Data!["createProduct"]!;
        Assert.Null(payload["product"]);
        var error = Assert.Single(payload["errors"]!.AsArray());
        Assert.Equal(("ValidationError", field), (error!["__typename"]!.GetValue<string>(), error["field"]!.GetValue<string>()));
        Assert.False(string.IsNullOrWhiteSpace(error["message"]!.GetValue<string>()), why);
    }

    private Task<int> ProductCountAsync() => fixture.Factory.WithDbAsync(db => db.Products.CountAsync());
}
