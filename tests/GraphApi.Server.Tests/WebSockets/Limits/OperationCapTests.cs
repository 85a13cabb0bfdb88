using System.Text.Json.Nodes;
using GraphApi.Server.Tests.WebSockets.Realtime;

namespace GraphApi.Server.Tests.WebSockets.Limits;

/// <summary>At most 100 operations in flight per connection (decisions.md, "Abuse resistance"), on both subprotocols.</summary>
public sealed class OperationCapTests
{
    [Theory]
    [InlineData("graphql-transport-ws", "subscribe", "complete", "next")]
    [InlineData("graphql-ws", "start", "stop", "data")]
    public async Task The_101st_operation_answers_MAX_OPERATIONS_EXCEEDED_and_the_socket_stays_open(
        string protocol, string start, string stop, string data)
    {
        await using var host = await RealtimeHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.Zero);
        await using var client = await ConnectAndInitAsync(host, protocol);

        for (var i = 1; i <= 100; i++)
        {
            await client.SendAsync(Start(start, $"s{i}"));
        }

        await host.Feed.WaitForSubscribersAsync(100);
        await client.SendAsync(Start(start, "s101"));
        var refused = await client.ReceiveAsync();

        Assert.Equal(("error", "s101"), ((string)refused["type"]!, (string)refused["id"]!));
        Assert.Equal("MAX_OPERATIONS_EXCEEDED", (string)refused["payload"]![0]!["extensions"]!["code"]!);
        Assert.Contains("100", (string)refused["payload"]![0]!["message"]!);
        Assert.Equal(100, host.Feed.SubscriberCount);

        // Completing one frees its place: the next one runs, and the 100 running ones still deliver.
        await client.SendAsync(new JsonObject { ["id"] = "s1", ["type"] = stop });
        await host.Feed.WaitForSubscribersAsync(99);
        await client.SendAsync(Start(start, "s102"));
        await host.Feed.WaitForSubscribersAsync(100);
        host.Feed.Publish(7);
        var next = await client.ReceiveAsync();
        Assert.Equal(data, (string)next["type"]!);
        Assert.Equal(7, (int)next["payload"]!["data"]!["events"]!);
    }

    [Theory]
    [InlineData("graphql-transport-ws", "subscribe")]
    [InlineData("graphql-ws", "start")]
    public async Task The_cap_is_configurable(string protocol, string start)
    {
        await using var host = await RealtimeHost.StartAsync(o =>
        {
            o.KeepAliveInterval = TimeSpan.Zero;
            o.MaxOperationsPerConnection = 2;
        });
        await using var client = await ConnectAndInitAsync(host, protocol);

        await client.SendAsync(Start(start, "a"));
        await client.SendAsync(Start(start, "b"));
        await host.Feed.WaitForSubscribersAsync(2);
        await client.SendAsync(Start(start, "c"));

        var refused = await client.ReceiveAsync();
        Assert.Equal(("error", "c"), ((string)refused["type"]!, (string)refused["id"]!));
        Assert.Equal("MAX_OPERATIONS_EXCEEDED", (string)refused["payload"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task A_legacy_start_that_replaces_a_running_operation_at_the_cap_is_not_refused()
    {
        await using var host = await RealtimeHost.StartAsync(o =>
        {
            o.KeepAliveInterval = TimeSpan.Zero;
            o.MaxOperationsPerConnection = 2;
        });
        await using var client = await ConnectAndInitAsync(host, "graphql-ws");
        await client.SendAsync(Start("start", "a"));
        await client.SendAsync(Start("start", "b"));
        await host.Feed.WaitForSubscribersAsync(2);

        await client.SendAsync(Start("start", "a"));
        await client.SendAsync(Start("start", "c")); // the cap holds after the replacement

        var refused = await client.ReceiveAsync();
        Assert.Equal(("error", "c"), ((string)refused["type"]!, (string)refused["id"]!));
        await host.Feed.WaitForSubscribersAsync(2); // the replacement subscribes asynchronously
        host.Feed.Publish(3);
        var ids = new[] { await client.ReceiveAsync(), await client.ReceiveAsync() }.Select(m => (string)m["id"]!).Order();
        Assert.Equal(["a", "b"], ids);
    }

    [Fact]
    public async Task A_cap_of_zero_stops_start_up_with_a_clear_message()
    {
        var error = await Assert.ThrowsAsync<Microsoft.Extensions.Options.OptionsValidationException>(
            () => RealtimeHost.StartAsync(o => o.MaxOperationsPerConnection = 0));

        Assert.Contains("MaxOperationsPerConnection must be at least 1", error.Message);
    }

    private static JsonObject Start(string type, string id) => new()
    {
        ["id"] = id,
        ["type"] = type,
        ["payload"] = new JsonObject { ["query"] = "subscription { events }" },
    };

    internal static async Task<GraphQLWebSocketClient> ConnectAndInitAsync(RealtimeHost host, string protocol)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, protocol);
        await client.SendAsync("""{"type":"connection_init","payload":{}}""");
        Assert.Equal("connection_ack", (string)(await client.ReceiveAsync())["type"]!);
        return client;
    }
}
