using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Products;

public sealed class ProductQueryTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Fact]
    public async Task ProductById_returns_the_product_with_contract_formats()
    {
        var id = GlobalId.Encode("Product", fixture.Data.Products[0].Id);

        var response = await fixture.Anonymous.PostAsync(
            "query($id: ID!) { productById(id: $id) { id sku name description price stock createdAt } }", new { id });

        response.AssertNoErrors();
        Assert.Equal(id, response.Data!["productById"]!["id"]!.GetValue<string>());
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task Product_ids_use_hot_chocolates_format()
    {
        var response = await fixture.Anonymous.PostAsync("{ products(first: 1) { nodes { id } } }");

        response.AssertNoErrors();
        Assert.Equal(
            Convert.ToBase64String(System.Text.Encoding.UTF8.GetBytes($"Product:{fixture.Data.Products[0].Id}")),
            response.Data!["products"]!["nodes"]![0]!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task ProductById_of_a_missing_product_is_null_without_errors()
    {
        var response = await fixture.Anonymous.PostAsync(
            "query($id: ID!) { productById(id: $id) { name } }", new { id = GlobalId.Encode("Product", 999_999) });

        response.AssertNoErrors();
        Assert.Null(response.Data!["productById"]);
    }

    [Theory]
    [InlineData("not-base64!")]
    [InlineData("UHJvZHVjdA==")] // "Product" without a key
    [InlineData("VXNlcjox")] // "User:1": a well-formed ID of another type
    [InlineData("UHJvZHVjdDphYmM=")] // "Product:abc": a key that is no number
    public async Task ProductById_with_an_invalid_id_is_INVALID_ID(string id)
    {
        var response = await fixture.Anonymous.PostAsync("query($id: ID!) { productById(id: $id) { name } }", new { id });

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Null(response.Data!["productById"]);
        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Products_filters_sorts_and_counts_in_one_request()
    {
        var response = await fixture.Anonymous.PostAsync("""
            {
              products(where: { or: [{ name: { contains: "MOUSE" } }, { price: { gte: 199 } }], stock: { gt: 0 } },
                       order: [{ price: DESC }]) {
                totalCount
                nodes { sku price stock }
                pageInfo { hasNextPage hasPreviousPage }
              }
            }
            """);

        response.AssertNoErrors();
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task Products_page_through_with_cursors_in_both_directions()
    {
        var first = await fixture.Anonymous.PostAsync("{ products(first: 2) { edges { cursor node { sku } } pageInfo { hasNextPage hasPreviousPage endCursor } } }");
        first.AssertNoErrors();
        var endCursor = first.Data!["products"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var second = await fixture.Anonymous.PostAsync(
            "query($after: String) { products(first: 2, after: $after) { nodes { sku } pageInfo { hasNextPage hasPreviousPage startCursor } } }",
            new { after = endCursor });
        second.AssertNoErrors();
        var startCursor = second.Data!["products"]!["pageInfo"]!["startCursor"]!.GetValue<string>();

        var back = await fixture.Anonymous.PostAsync(
            "query($before: String) { products(last: 5, before: $before) { nodes { sku } pageInfo { hasNextPage hasPreviousPage } } }",
            new { before = startCursor });
        back.AssertNoErrors();

        Snapshot.Match(new[] { first.Json, second.Json, back.Json }.Select(GraphQLResponse.Pretty));
    }

    [Theory]
    [InlineData("first: 51", "PAGE_SIZE_EXCEEDED")]
    [InlineData("last: 51", "PAGE_SIZE_EXCEEDED")]
    [InlineData("first: -1", "INVALID_PAGING_ARGUMENTS")]
    [InlineData("first: 1, last: 1", "INVALID_PAGING_ARGUMENTS")]
    [InlineData("after: \"garbage\"", "INVALID_CURSOR")]
    public async Task Products_rejects_bad_paging_arguments(string arguments, string code)
    {
        var response = await fixture.Anonymous.PostAsync($"{{ products({arguments}) {{ nodes {{ sku }} }} }}");

        Assert.Null(response.Data!["products"]);
        Assert.Equal([code], response.ErrorCodes);
    }

    [Fact]
    public async Task A_cursor_of_another_order_is_INVALID_CURSOR()
    {
        var first = await fixture.Anonymous.PostAsync("{ products(first: 1, order: [{ name: ASC }]) { pageInfo { endCursor } } }");
        var cursor = first.AssertNoErrors().Data!["products"]!["pageInfo"]!["endCursor"]!.GetValue<string>();

        var response = await fixture.Anonymous.PostAsync(
            "query($after: String) { products(first: 1, after: $after, order: [{ price: ASC }]) { nodes { sku } } }", new { after = cursor });

        Assert.Equal(["INVALID_CURSOR"], response.ErrorCodes);
    }

    [Theory]
    [InlineData("{ price: { gt: 10.005 } }")]
    [InlineData("{ price: { in: [1, 2.125] } }")]
    [InlineData("{ or: [{ price: { lte: 5 } }, { price: { eq: 1e20 } }] }")]
    [InlineData("{ or: [{ price: { eq: 1 } }, { price: { eq: 2.125 } }] }")] // equalities gathered into one IN are guarded too
    public async Task Money_filter_values_that_cents_cannot_hold_are_INVALID_FILTER_VALUE(string where)
    {
        var response = await fixture.Anonymous.PostAsync($"{{ products(where: {where}) {{ totalCount }} }}");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.Status);
        Assert.Null(response.Data!["products"]);
        Assert.Equal(["INVALID_FILTER_VALUE"], response.ErrorCodes);
    }
}
