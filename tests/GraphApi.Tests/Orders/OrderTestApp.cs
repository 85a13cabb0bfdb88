using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Server.PubSub;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Tests.Orders;

/// <summary>
/// A private application with <see cref="TestData"/> (a <see cref="GraphApiFixture"/>) for tests that write: use one
/// per test, or one per class when every test works on rows of its own. Helpers read the database directly to prove
/// what was (not) written.
/// </summary>
public sealed class OrderTestApp : GraphApiFixture
{
    /// <summary>The global ID of the seeded product at <paramref name="index"/> (KB-001, MS-002, MN-003, CB-004, HD-005).</summary>
    public string ProductId(int index) => GlobalId.Encode(ProductGraph.TypeName, Data.Products[index].Id);

    public static string OrderId(int key) => GlobalId.Encode(OrderGraph.TypeName, key);

    public static string ProductIdOf(int key) => GlobalId.Encode(ProductGraph.TypeName, key);

    public Task<int> StockAsync(int productIndex) => Factory.WithDbAsync(db =>
        db.Products.Where(p => p.Id == Data.Products[productIndex].Id).Select(p => p.Stock).SingleAsync());

    public Task<int[]> AllStockAsync() => Factory.WithDbAsync(db =>
        db.Products.OrderBy(p => p.Id).Select(p => p.Stock).ToArrayAsync());

    public Task<int> OrderCountAsync() => Factory.WithDbAsync(db => db.Orders.CountAsync());

    public Task<int> OrderItemCountAsync() => Factory.WithDbAsync(db => db.OrderItems.CountAsync());

    internal Task<OrderStatus> StatusAsync(int orderKey) => Factory.WithDbAsync(db =>
        db.Orders.Where(o => o.Id == orderKey).Select(o => o.Status).SingleAsync());

    /// <summary>Stores an order of Alice's (1 × KB-001 by default) in <paramref name="status"/>; returns its key.</summary>
    internal Task<int> AddOrderAsync(OrderStatus status, int quantity = 1) => Factory.WithDbAsync(async db =>
    {
        var order = TestData.NewOrder(Data.Alice, status, 30, (Data.Products[0], quantity));
        db.Orders.Add(order);
        await db.SaveChangesAsync();
        return order.Id;
    });

    /// <summary>Subscribes to an order topic on the app's bus.</summary>
    internal ValueTask<ITopicSubscription<OrderEventMessage>> SubscribeAsync(string topic) =>
        Factory.Services.GetRequiredService<ITopicEventReceiver>().SubscribeAsync<OrderEventMessage>(topic);

    /// <summary>Ends <paramref name="subscription"/> and returns every message it received.</summary>
    internal static async Task<List<OrderEventMessage>> DrainAsync(ITopicSubscription<OrderEventMessage> subscription)
    {
        await subscription.DisposeAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var messages = new List<OrderEventMessage>();
        await foreach (var message in subscription.WithCancellation(timeout.Token))
        {
            messages.Add(message);
        }

        return messages;
    }
}
