using GraphApi.Orders;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Orders;

/// <summary>Order mutations publish to the in-process bus after commit, and only when something was written.</summary>
public sealed class OrderEventTests : IAsyncLifetime
{
    private readonly OrderTestApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Placing_publishes_PLACED_to_the_order_topic_and_the_all_orders_topic()
    {
        var all = await _app.SubscribeAsync(OrderTopics.AllOrders);
        var nextOrder = await _app.SubscribeAsync(OrderTopics.Order(6)); // TestData holds orders 1–5

        var response = await _app.Alice.PostAsync(PlaceOrder, new { items = new[] { Line(_app.ProductId(0), 1) } });
        response.AssertNoErrors();

        var placed = Assert.Single(await OrderTestApp.DrainAsync(all));
        Assert.Equal(placed, Assert.Single(await OrderTestApp.DrainAsync(nextOrder)));
        Assert.Equal((6, _app.Data.Alice.Id, OrderEventKind.Placed, (OrderStatus?)null, OrderStatus.Pending),
            (placed.OrderId, placed.CustomerId, placed.Kind, placed.PreviousStatus, placed.Status));
        var createdAt = await _app.Factory.WithDbAsync(db => Task.FromResult(db.Orders.Single(o => o.Id == 6).CreatedAt));
        Assert.Equal(createdAt, placed.OccurredAt);
    }

    [Fact]
    public async Task Every_status_change_including_cancellation_publishes_STATUS_CHANGED()
    {
        var order = await _app.AddOrderAsync(OrderStatus.Pending);
        var events = await _app.SubscribeAsync(OrderTopics.Order(order));

        (await _app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status = "PAID" })).AssertNoErrors();
        (await _app.Alice.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(order) })).AssertNoErrors();

        var received = await OrderTestApp.DrainAsync(events);
        Assert.Equal(
            [(OrderEventKind.StatusChanged, OrderStatus.Pending, OrderStatus.Paid), (OrderEventKind.StatusChanged, OrderStatus.Paid, OrderStatus.Cancelled)],
            received.Select(e => (e.Kind, e.PreviousStatus!.Value, e.Status)));
        Assert.All(received, e => Assert.Equal((order, _app.Data.Alice.Id), (e.OrderId, e.CustomerId)));
        Assert.All(received, e => Assert.Equal(DateTimeKind.Utc, e.OccurredAt.Kind));
    }

    [Fact]
    public async Task Nothing_is_published_when_nothing_was_written()
    {
        var order = await _app.AddOrderAsync(OrderStatus.Shipped);
        var all = await _app.SubscribeAsync(OrderTopics.AllOrders);

        await _app.Alice.PostAsync(PlaceOrder, new { items = new[] { Line(_app.ProductId(3), 1) } }); // out of stock
        await _app.Alice.PostAsync(PlaceOrder, new { items = new[] { Line(_app.ProductId(0), 0) } }); // invalid
        await _app.Alice.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(order) });      // shipped
        await _app.Bob.PostAsync(CancelOrder, new { orderId = OrderTestApp.OrderId(1) });           // not Bob's
        await _app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status = "SHIPPED" });
        (await _app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status = "DELIVERED" })).AssertNoErrors();

        var received = Assert.Single(await OrderTestApp.DrainAsync(all)); // only the last, successful change
        Assert.Equal((OrderStatus.Shipped, OrderStatus.Delivered), (received.PreviousStatus, received.Status));
    }
}
