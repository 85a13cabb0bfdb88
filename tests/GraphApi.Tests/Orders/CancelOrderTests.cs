using GraphApi.Orders;
using Snapshooter.Xunit;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Orders;

/// <summary>cancelOrder writes, so every test gets its own application.</summary>
public sealed class CancelOrderTests : IAsyncLifetime
{
    private readonly OrderTestApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task The_owner_cancels_a_pending_order_and_its_stock_is_restored()
    {
        var order = await _app.AddOrderAsync(OrderStatus.Pending, quantity: 3);

        var response = await _app.Alice.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(order) });

        response.AssertNoErrors();
        Assert.Equal(OrderStatus.Cancelled, await _app.StatusAsync(order));
        Assert.Equal(15, await _app.StockAsync(0));
        Snapshot.Match(response.Body);
    }

    [Fact]
    public async Task An_admin_cancels_a_customers_paid_order()
    {
        var order = await _app.AddOrderAsync(OrderStatus.Paid);

        var response = await _app.Admin.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(order) });

        Assert.Equal("CANCELLED", response.AssertNoErrors().Data!["cancelOrder"]!["order"]!["status"]!.GetValue<string>());
        Assert.Equal(13, await _app.StockAsync(0));
    }

    [Fact]
    public async Task Another_customer_gets_OrderNotFoundError_like_for_a_missing_order()
    {
        var order = await _app.AddOrderAsync(OrderStatus.Pending);

        var someoneElses = await _app.Bob.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(order) });
        var missing = await _app.Bob.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(999) });

        var error = someoneElses.AssertNoErrors().Data!["cancelOrder"]!["errors"]![0]!;
        Assert.Equal("OrderNotFoundError", error["__typename"]!.GetValue<string>());
        Assert.Equal(OrderTestApp.OrderId(order), error["orderId"]!.GetValue<string>());
        Assert.Null(someoneElses.Data!["cancelOrder"]!["order"]);
        Assert.Equal(
            missing.Body.Replace(OrderTestApp.OrderId(999), "ID", StringComparison.Ordinal),
            someoneElses.Body.Replace(OrderTestApp.OrderId(order), "ID", StringComparison.Ordinal));
        Assert.Equal(OrderStatus.Pending, await _app.StatusAsync(order));
        Assert.Equal(12, await _app.StockAsync(0));
    }

    [Theory]
    [InlineData("SHIPPED")]
    [InlineData("DELIVERED")]
    [InlineData("CANCELLED")]
    public async Task Only_pending_or_paid_orders_can_be_cancelled_even_by_admins(string from)
    {
        var status = Enum.Parse<OrderStatus>(from, ignoreCase: true);
        var order = await _app.AddOrderAsync(status);

        foreach (var caller in new[] { _app.Alice, _app.Admin })
        {
            var response = await caller.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(order) });

            var error = response.AssertNoErrors().Data!["cancelOrder"]!["errors"]![0]!;
            Assert.Equal("InvalidStatusTransitionError", error["__typename"]!.GetValue<string>());
            Assert.Equal(from, error["from"]!.GetValue<string>());
            Assert.Equal("CANCELLED", error["to"]!.GetValue<string>());
        }

        Assert.Equal(status, await _app.StatusAsync(order));
        Assert.Equal(12, await _app.StockAsync(0));
    }

    [Fact]
    public async Task A_malformed_order_ID_is_INVALID_ID()
    {
        var response = await _app.Alice.PostAsync(CancelOrder, new { orderId = OrderTestApp.ProductIdOf(1) });

        Assert.Equal(["INVALID_ID"], response.ErrorCodes);
    }

    [Fact]
    public async Task Anonymous_callers_cannot_cancel()
    {
        var order = await _app.AddOrderAsync(OrderStatus.Pending);

        var response = await _app.Anonymous.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(order) });

        Assert.Equal(["AUTH_NOT_AUTHENTICATED"], response.ErrorCodes);
        Assert.Equal(OrderStatus.Pending, await _app.StatusAsync(order));
    }
}
