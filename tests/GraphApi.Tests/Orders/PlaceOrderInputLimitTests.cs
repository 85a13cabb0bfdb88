using System.Globalization;
using System.Net;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Orders;

/// <summary>
/// placeOrder takes at most 1,000 input lines before merging (INPUT_LIMIT_EXCEEDED, before any product is
/// loaded); the 1-50 merged lines rule stays a ValidationError.
/// </summary>
public sealed class PlaceOrderInputLimitTests : IAsyncLifetime
{
    private readonly OrderTestApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task A_thousand_lines_reach_the_merged_line_rules()
    {
        // 1,000 lines of 51 products (one of them real): 51 merged lines, so the ValidationError on items.
        var lines = Enumerable.Range(0, 1_000).Select(i => Line(OrderTestApp.ProductIdOf(100_000 + (i % 51)), 1)).ToArray();

        var response = await _app.Alice.PostAsync(PlaceOrder, new { items = lines });

        Assert.Equal(HttpStatusCode.OK, response.Status);
        var errors = response.AssertNoErrors().Data!["placeOrder"]!["errors"]!.AsArray();
        Assert.Contains(errors, e => e!["field"]?.GetValue<string>() == "items" && e["message"]!.GetValue<string>().Contains("at most 50", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData(1_001)]
    [InlineData(20_000)]
    public async Task More_than_a_thousand_lines_are_refused_before_any_product_is_loaded(int count)
    {
        var lines = Enumerable.Range(0, count).Select(_ => Line(_app.ProductId(0), 1)).ToArray();
        _app.Factory.Sql.Reset();

        var response = await _app.Alice.PostAsync(PlaceOrder, new { items = lines });

        Assert.Equal(HttpStatusCode.BadRequest, response.Status);
        Assert.Equal(["INPUT_LIMIT_EXCEEDED"], response.ErrorCodes);
        Assert.Equal(
            $"The argument 'input.items' of Mutation.placeOrder has {count.ToString("N0", CultureInfo.InvariantCulture)} entries, over the maximum of 1,000 (MaxListLengths[Mutation.placeOrder.input.items]).",
            response.Errors[0]!["message"]!.GetValue<string>());
        Assert.Empty(_app.Factory.Sql.Commands);
        Assert.Equal(5, await _app.OrderCountAsync());
    }
}
