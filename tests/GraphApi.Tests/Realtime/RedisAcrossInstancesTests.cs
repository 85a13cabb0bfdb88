using GraphApi.Orders;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Realtime;

/// <summary>
/// Two server instances sharing one database and one real Redis: an event raised on A reaches a subscriber on B;
/// with Redis gone queries and mutations still work; when Redis returns, events flow again.
/// </summary>
public sealed class RedisAcrossInstancesTests : IAsyncLifetime
{
    private const string Events = "subscription { orderEvents { kind order { id customer { username } } } }";

    private readonly string _directory = Directory.CreateTempSubdirectory("graphapi-redis-").FullName;
    private RedisServer _redis = null!;
    private GraphApiFactory _a = null!;
    private GraphApiFactory _b = null!;
    private TestData _data = null!;

    public async Task InitializeAsync()
    {
        if (ExternalNeeds.SkipReason(ExternalNeed.Redis) is not null)
        {
            return; // the test itself skips with the reason
        }

        _redis = await RedisServer.StartAsync();
        var settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:Database"] = $"Data Source={Path.Combine(_directory, "shared.db")}",
            ["Redis:Configuration"] = _redis.Configuration,
        };
        _a = new GraphApiFactory(settings);
        _b = new GraphApiFactory(settings);
        _ = _a.Server; // migrates the shared database
        _ = _b.Server;
        _data = await _a.WithDbAsync(TestData.SeedAsync);
    }

    public async Task DisposeAsync()
    {
        _a?.Dispose();
        _b?.Dispose();
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }

    [RequiresRedisFact]
    public async Task Events_cross_instances_and_survive_a_redis_restart()
    {
        await using var dashboard = await GraphQLWebSocketClient.ConnectAsync(_b.Server, GraphQLWebSocketClient.TransportWs);
        await dashboard.InitAsync(_b.TokenFor(_data.Admin));
        await dashboard.SendAsync(new { id = "d", type = "subscribe", payload = new { query = Events } });
        await SubscriberSignal.WaitForRedisSubscriberAsync(_redis, OrderTopics.AllOrders); // B subscribed its Redis channel

        var first = await PlaceOrderOnAAsync();
        Assert.Equal(first, await NextOrderIdAsync(dashboard));

        await _redis.StopAsync();
        var products = await _a.Client().PostAsync("{ products(first: 1) { totalCount } }");
        products.AssertNoErrors();
        await PlaceOrderOnAAsync(); // the mutation works; its event is lost (at-most-once while Redis is down)

        await _redis.RestartAsync();

        // After the restart both instances reconnect and B re-subscribes; events raised before that are lost, so
        // keep placing orders until one arrives: it must be one placed after Redis came back.
        var arrival = dashboard.ReceiveAsync("next", TimeSpan.FromSeconds(45));
        var placedAfterRestart = new List<string>();
        while (!arrival.IsCompleted && placedAfterRestart.Count < 20)
        {
            placedAfterRestart.Add(await PlaceOrderOnAAsync());
            await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromSeconds(2)));
        }

        var received = (await arrival)["payload"]!["data"]!["orderEvents"]!["order"]!["id"]!.GetValue<string>();
        Assert.Contains(received, placedAfterRestart);
    }

    private async Task<string> PlaceOrderOnAAsync()
    {
        var response = await _a.Client(_a.TokenFor(_data.Bob)).PostAsync(
            "mutation($p: ID!) { placeOrder(input: { items: [{ productId: $p, quantity: 1 }] }) { order { id } errors { __typename } } }",
            new { p = GlobalId.Encode("Product", _data.Products[1].Id) });
        response.AssertNoErrors();
        return response.Data!["placeOrder"]!["order"]!["id"]!.GetValue<string>();
    }

    private static async Task<string> NextOrderIdAsync(GraphQLWebSocketClient socket) =>
        (await socket.ReceiveAsync("next"))["payload"]!["data"]!["orderEvents"]!["order"]!["id"]!.GetValue<string>();
}
