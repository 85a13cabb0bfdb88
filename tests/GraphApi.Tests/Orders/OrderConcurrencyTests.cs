using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Orders;

/// <summary>Real HTTP requests in parallel against a real SQLite file.</summary>
public sealed class OrderConcurrencyTests : IAsyncLifetime
{
    private readonly OrderTestApp _app = new();

    public Task InitializeAsync() => _app.InitializeAsync();

    public Task DisposeAsync() => _app.DisposeAsync();

    [Fact]
    public async Task Forty_concurrent_orders_for_one_unit_against_stock_ten_place_exactly_ten()
    {
        var productKey = await _app.Factory.WithDbAsync(async db =>
        {
            var product = TestData.NewProduct("RACE-1", "Contested Widget", 5.00m, 10, 40);
            db.Products.Add(product);
            await db.SaveChangesAsync();
            return product.Id;
        });
        var productId = GlobalId.Encode(ProductGraph.TypeName, productKey);
        var customers = new[] { _app.Alice, _app.Bob };
        using var start = new ManualResetEventSlim();

        var requests = Enumerable.Range(0, 40).Select(i => Task.Run(async () =>
        {
            start.Wait();
            return await customers[i % 2].PostAsync(PlaceOrder, new { items = new[] { Line(productId, 1) } });
        })).ToArray();
        start.Set();
        var responses = await Task.WhenAll(requests);

        var payloads = responses.Select(r => r.AssertNoErrors().Data!["placeOrder"]!).ToList();
        Assert.Equal(10, payloads.Count(p => p["order"] is not null));
        var refusals = payloads.Where(p => p["order"] is null).Select(p => p["errors"]![0]!).ToList();
        Assert.Equal(30, refusals.Count);
        Assert.All(refusals, e => Assert.Equal("OutOfStockError", e["__typename"]!.GetValue<string>()));
        Assert.Equal(0, await _app.Factory.WithDbAsync(db => Task.FromResult(db.Products.Single(p => p.Id == productKey).Stock)));
        Assert.Equal(10, await _app.Factory.WithDbAsync(db => Task.FromResult(db.OrderItems.Count(i => i.ProductId == productKey))));
    }

    [Fact]
    public async Task Two_concurrent_status_updates_from_the_same_state_apply_exactly_once()
    {
        // From PAID, SHIPPED and CANCELLED exclude each other; from PENDING, PAID twice is PAID → PAID the second time.
        var races = new[] { (OrderStatus.Paid, new[] { "SHIPPED", "CANCELLED" }), (OrderStatus.Pending, new[] { "PAID", "PAID" }) };
        for (var round = 0; round < 6; round++)
        {
            var (from, targets) = races[round % races.Length];
            var order = await _app.AddOrderAsync(from);
            var stockBefore = await _app.StockAsync(0);
            using var start = new ManualResetEventSlim();

            var requests = targets.Select(status => Task.Run(async () =>
            {
                start.Wait();
                return await _app.Admin.PostAsync(UpdateOrderStatus, new { orderId = OrderTestApp.OrderId(order), status });
            })).ToArray();
            start.Set();
            var payloads = (await Task.WhenAll(requests)).Select(r => r.AssertNoErrors().Data!["updateOrderStatus"]!).ToList();

            var applied = Assert.Single(payloads, p => p["order"] is not null);
            var refused = Assert.Single(payloads, p => p["order"] is null)["errors"]![0]!;
            var winner = applied["order"]!["status"]!.GetValue<string>();
            Assert.Equal("InvalidStatusTransitionError", refused["__typename"]!.GetValue<string>());
            Assert.Equal(winner, refused["from"]!.GetValue<string>()); // decided again from the winner's status
            Assert.Equal(Enum.Parse<OrderStatus>(winner, ignoreCase: true), await _app.StatusAsync(order));
            Assert.Equal(winner == "CANCELLED" ? stockBefore + 1 : stockBefore, await _app.StockAsync(0));
        }
    }
}
