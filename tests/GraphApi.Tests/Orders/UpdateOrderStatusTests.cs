using GraphApi.Orders;
using Snapshooter.Xunit;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Orders;

/// <summary>Each test works on orders of its own, so the class shares one application.</summary>
public sealed class UpdateOrderStatusTests(OrderTestApp app) : IClassFixture<OrderTestApp>
{
    private static readonly (OrderStatus From, OrderStatus To)[] Allowed =
    [
        (OrderStatus.Pending, OrderStatus.Paid),
        (OrderStatus.Paid, OrderStatus.Shipped),
        (OrderStatus.Shipped, OrderStatus.Delivered),
        (OrderStatus.Pending, OrderStatus.Cancelled),
        (OrderStatus.Paid, OrderStatus.Cancelled),
    ];

    private static readonly string[] Statuses = ["PENDING", "PAID", "SHIPPED", "DELIVERED", "CANCELLED"];

    public static TheoryData<string, string> EveryPair()
    {
        var pairs = new TheoryData<string, string>();
        foreach (var from in Statuses)
        {
            foreach (var to in Statuses)
            {
                pairs.Add(from, to);
            }
        }

        return pairs;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public async Task Every_transition_is_applied_or_refused_by_the_state_machine(string fromName, string toName)
    {
        var (from, to) = (Parse(fromName), Parse(toName));
        var order = await app.AddOrderAsync(from);

        var response = await app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status = Sdl(to) });

        var payload = response.AssertNoErrors().Data!["updateOrderStatus"]!;
        if (Allowed.Contains((from, to)))
        {
            Assert.Equal(Sdl(to), payload["order"]!["status"]!.GetValue<string>());
            Assert.Null(payload["errors"]);
            Assert.Equal(to, await app.StatusAsync(order));
        }
        else
        {
            Assert.Null(payload["order"]);
            var error = Assert.Single(payload["errors"]!.AsArray())!;
            Assert.Equal("InvalidStatusTransitionError", error["__typename"]!.GetValue<string>());
            Assert.Equal(Sdl(from), error["from"]!.GetValue<string>());
            Assert.Equal(Sdl(to), error["to"]!.GetValue<string>());
            Assert.Equal(from, await app.StatusAsync(order));
        }
    }

    [Fact]
    public async Task Cancelling_through_updateOrderStatus_restores_stock()
    {
        var order = await app.AddOrderAsync(OrderStatus.Paid, quantity: 4);
        var before = await app.StockAsync(0);

        var response = await app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status = "CANCELLED" });

        response.AssertNoErrors();
        Assert.Equal(before + 4, await app.StockAsync(0));
    }

    [Fact]
    public async Task A_status_change_answers_the_updated_order()
    {
        var order = await app.AddOrderAsync(OrderStatus.Pending, quantity: 2);

        var response = await app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status = "PAID" });

        response.AssertNoErrors();
        Snapshot.Match(response.Body.Replace($"\"stock\":{await app.StockAsync(0)}", "\"stock\":\"<current>\"", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_missing_order_is_OrderNotFoundError()
    {
        var response = await app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(999), status = "PAID" });

        Snapshot.Match(response.AssertNoErrors().Body);
    }

    [Fact]
    public async Task Customers_are_not_authorized_even_for_their_own_orders()
    {
        var order = await app.AddOrderAsync(OrderStatus.Pending);

        var response = await app.Alice.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status = "PAID" });

        Assert.Equal(["AUTH_NOT_AUTHORIZED"], response.ErrorCodes);
        Assert.Equal(OrderStatus.Pending, await app.StatusAsync(order));
    }

    private static OrderStatus Parse(string sdlName) => Enum.Parse<OrderStatus>(sdlName, ignoreCase: true);

    private static string Sdl(OrderStatus status) => status.ToString().ToUpperInvariant();
}
