using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GraphApi.Tests.Operations;

/// <summary>
/// Two instances of the built app (separate processes) on one PostgreSQL and one Redis, as operators run them:
/// a burst of orders across both against little stock, an event crossing from one to the other, and Redis going away.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class ScaleOutTests(PostgresServerFixture postgres, ITestOutputHelper output)
{
    private const int Orders = 200;
    private const int Stock = 50;

    [RequiresExternalFact(ExternalNeed.Postgres, ExternalNeed.Redis)]
    public async Task Two_instances_sell_exactly_the_stock_without_errors_and_share_events()
    {
        await using var redis = await RedisServer.StartAsync();
        var settings = ProcessGraphQL.PostgresSettings(await postgres.CreateDatabaseAsync(), redis.Configuration);
        await using var a = await AppProcess.StartAsync(settings);
        await using var b = await AppProcess.StartAsync(settings);
        using var clientA = a.CreateClient();
        using var clientB = b.CreateClient();
        var token = await ProcessGraphQL.LoginAdminAsync(clientA);

        await AssertEventCrossesAsync(a, b, clientA, token);

        var warmUp = await ProcessGraphQL.CreateProductAsync(clientA, token, "warm-up", 2);
        await ProcessGraphQL.PostAsync(clientB, ProcessGraphQL.PlaceOrder, new { p = warmUp }, token); // B's first order: warm, so the figures are steady state

        var product = await ProcessGraphQL.CreateProductAsync(clientA, token, "burst", Stock);
        var latencies = new ConcurrentBag<double>();
        var results = await Task.WhenAll(Enumerable.Range(0, Orders).Select(async i =>
        {
            var clock = Stopwatch.StartNew();
            var response = await ProcessGraphQL.PostAsync(i % 2 == 0 ? clientA : clientB, ProcessGraphQL.PlaceOrder, new { p = product }, token);
            latencies.Add(clock.Elapsed.TotalMilliseconds);
            return response;
        }));

        var errors = results.Select(ProcessGraphQL.ErrorsOf).OfType<string>().ToList();
        var sorted = latencies.Order().ToList();
        output.WriteLine($"{Orders} placeOrder over 2 instances: {errors.Count} errors, p50 {sorted[Orders / 2]:F0} ms, " +
            $"p99 {sorted[(int)(Orders * 0.99) - 1]:F0} ms, max {sorted[^1]:F0} ms");
        Assert.True(errors.Count == 0, $"{errors.Count} requests failed, e.g. {errors.FirstOrDefault()}\nA:\n{a.Output}\nB:\n{b.Output}");

        var placed = results.Count(r => r["data"]?["placeOrder"]?["order"] is not null);
        var outOfStock = results.Count(r => r["data"]?["placeOrder"]?["errors"]?[0]?["__typename"]?.GetValue<string>() == "OutOfStockError");
        Assert.Equal((Stock, Orders - Stock), (placed, outOfStock));

        var stock = await ProcessGraphQL.PostAsync(clientB, "query($id: ID!) { node(id: $id) { ... on Product { stock } } }", new { id = product });
        Assert.Equal(0, stock["data"]?["node"]?["stock"]?.GetValue<int>());

        // Redis gone: events stop crossing, but queries and mutations go on on both instances.
        await redis.StopAsync();
        var spare = await ProcessGraphQL.CreateProductAsync(clientB, token, "spare", 5);
        var order = await ProcessGraphQL.PostAsync(clientA, ProcessGraphQL.PlaceOrder, new { p = spare }, token);
        Assert.Null(ProcessGraphQL.ErrorsOf(order));
        Assert.NotNull(order["data"]?["placeOrder"]?["order"]);
        Assert.Null(ProcessGraphQL.ErrorsOf(await ProcessGraphQL.PostAsync(clientB, "{ products(first: 1) { totalCount } }")));
    }

    /// <summary>A subscriber on B sees an order placed on A (repeating the order until B's Redis subscription is live).</summary>
    private static async Task AssertEventCrossesAsync(AppProcess a, AppProcess b, HttpClient clientA, string token)
    {
        using var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol("graphql-transport-ws");
        await socket.ConnectAsync(new Uri(b.Address.ToString().Replace("http", "ws", StringComparison.Ordinal) + "graphql"), CancellationToken.None);
        await SendAsync(socket, new { type = "connection_init", payload = new { authorization = "Bearer " + token } });
        Assert.Equal("connection_ack", (await ReceiveAsync(socket, TimeSpan.FromSeconds(10)))["type"]?.GetValue<string>());
        await SendAsync(socket, new { id = "1", type = "subscribe", payload = new { query = "subscription { orderEvents { kind order { id } } }" } });

        var product = await ProcessGraphQL.CreateProductAsync(clientA, token, "events", 1000);
        var arrival = ReceiveAsync(socket, TimeSpan.FromSeconds(30));
        var placedOnA = new List<string>();
        while (!arrival.IsCompleted && placedOnA.Count < 20)
        {
            var placed = await ProcessGraphQL.PostAsync(clientA, ProcessGraphQL.PlaceOrder, new { p = product }, token);
            placedOnA.Add(placed["data"]!["placeOrder"]!["order"]!["id"]!.GetValue<string>());
            await Task.WhenAny(arrival, Task.Delay(TimeSpan.FromSeconds(1)));
        }

        var message = await arrival;
        Assert.Equal("next", message["type"]?.GetValue<string>());
        Assert.Contains(message["payload"]?["data"]?["orderEvents"]?["order"]?["id"]?.GetValue<string>(), placedOnA);
    }

    private static Task SendAsync(ClientWebSocket socket, object message) =>
        socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    private static async Task<JsonObject> ReceiveAsync(ClientWebSocket socket, TimeSpan deadline)
    {
        using var timeout = new CancellationTokenSource(deadline);
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var text = new StringBuilder();
            WebSocketReceiveResult result;
            do
            {
                result = await socket.ReceiveAsync(buffer, timeout.Token);
                text.Append(Encoding.UTF8.GetString(buffer, 0, result.Count));
            }
            while (!result.EndOfMessage);

            var message = JsonNode.Parse(text.ToString())!.AsObject();
            if (message["type"]?.GetValue<string>() is not ("ping" or "pong"))
            {
                return message;
            }
        }
    }
}
