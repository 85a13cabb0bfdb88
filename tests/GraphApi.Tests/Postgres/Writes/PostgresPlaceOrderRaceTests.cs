using GraphApi.Orders;
using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GraphApi.Tests.Orders.OrderMutationDocuments;

namespace GraphApi.Tests.Postgres.Writes;

/// <summary>
/// placeOrder and cancelOrder racing over real HTTP on PostgreSQL, where transactions really run in parallel
/// (row locks, READ COMMITTED re-checks): no overselling, no deadlock, no lost stock.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresPlaceOrderRaceTests(PostgresWritesFixture app) : IClassFixture<PostgresWritesFixture>
{
    private const string PlaceOrderWithId = """
        mutation($items: [OrderLineInput!]!) {
          placeOrder(input: { items: $items }) { order { id } errors { __typename } }
        }
        """;

    [RequiresPostgresFact]
    public async Task Forty_concurrent_orders_for_one_unit_against_stock_ten_place_exactly_ten()
    {
        var product = await app.AddProductAsync(stock: 10);
        var customers = new[] { app.Alice, app.Bob };

        var responses = await ConcurrentRequests.SendAsync(40, i =>
            customers[i % 2].PostAsync(PlaceOrder, new { items = new[] { Line(PostgresWritesFixture.ProductId(product), 1) } }));

        var payloads = responses.Select(r => r.AssertNoErrors().Data!["placeOrder"]!).ToList();
        Assert.Equal(10, payloads.Count(p => p["order"] is not null));
        var refusals = payloads.Where(p => p["order"] is null).Select(p => Assert.Single(p["errors"]!.AsArray())!).ToList();
        Assert.Equal(30, refusals.Count);
        Assert.All(refusals, e => Assert.Equal("OutOfStockError", e["__typename"]!.GetValue<string>()));
        Assert.All(refusals, e => Assert.Equal(0, e["available"]!.GetValue<int>()));
        Assert.Equal(0, await app.StockAsync(product));
        Assert.Equal(10, await app.WithDbAsync(db => db.OrderItems.CountAsync(i => i.ProductId == product)));
    }

    [RequiresPostgresFact]
    public async Task Orders_over_the_same_products_in_different_line_orders_neither_deadlock_nor_oversell()
    {
        // Every order takes one unit of each; C runs out first, so the last ten orders must give back A and B too.
        int[] keys = [await app.AddProductAsync(stock: 30), await app.AddProductAsync(stock: 30), await app.AddProductAsync(stock: 20)];
        int[][] lineOrders = [[0, 1, 2], [2, 1, 0], [1, 2, 0], [2, 0, 1], [0, 2, 1], [1, 0, 2]];

        var responses = await ConcurrentRequests.SendAsync(30, i => app.Bob.PostAsync(PlaceOrder, new
        {
            items = lineOrders[i % lineOrders.Length].Select(p => Line(PostgresWritesFixture.ProductId(keys[p]), 1)).ToArray(),
        }));

        var payloads = responses.Select(r => r.AssertNoErrors().Data!["placeOrder"]!).ToList();
        Assert.Equal(20, payloads.Count(p => p["order"] is not null));
        var refusals = payloads.Where(p => p["order"] is null).Select(p => Assert.Single(p["errors"]!.AsArray())!).ToList();
        Assert.Equal(10, refusals.Count);
        Assert.All(refusals, e => Assert.Equal(
            ("OutOfStockError", PostgresWritesFixture.ProductId(keys[2])),
            (e["__typename"]!.GetValue<string>(), e["productId"]!.GetValue<string>())));
        var stocks = await Task.WhenAll(keys.Select(app.StockAsync));
        Assert.Equal([10, 10, 0], stocks);
        Assert.Equal(60, await app.WithDbAsync(db => db.OrderItems.CountAsync(i => keys.Contains(i.ProductId))));
    }

    [RequiresPostgresFact]
    public async Task Cancellations_racing_new_orders_give_every_unit_back_exactly_once()
    {
        var product = await app.AddProductAsync(stock: 10);
        var productId = PostgresWritesFixture.ProductId(product);
        var placed = new List<string>();
        for (var i = 0; i < 5; i++)
        {
            var response = await app.Alice.PostAsync(PlaceOrderWithId, new { items = new[] { Line(productId, 2) } });
            placed.Add(response.AssertNoErrors().Data!["placeOrder"]!["order"]!["id"]!.GetValue<string>());
        }

        Assert.Equal(0, await app.StockAsync(product));

        // Five cancellations (2 units each) race fifteen orders for one unit: however they interleave, the stock
        // ends at what the cancellations gave back minus what the new orders took.
        var responses = await ConcurrentRequests.SendAsync(20, i => i < 5
            ? app.Alice.PostAsync(CancelOrder, new { orderId = placed[i] })
            : app.Bob.PostAsync(PlaceOrder, new { items = new[] { Line(productId, 1) } }));

        var cancelled = responses.Take(5).Select(r => r.AssertNoErrors().Data!["cancelOrder"]!).ToList();
        Assert.All(cancelled, c => Assert.Equal("CANCELLED", c["order"]!["status"]!.GetValue<string>()));
        var newOrders = responses.Skip(5).Select(r => r.AssertNoErrors().Data!["placeOrder"]!).Count(p => p["order"] is not null);
        Assert.Equal(10 - newOrders, await app.StockAsync(product));
        Assert.Equal(newOrders, await app.WithDbAsync(db => db.OrderItems.CountAsync(
            i => i.ProductId == product && db.Orders.Any(o => o.Id == i.OrderId && o.Status != OrderStatus.Cancelled))));
    }
}
