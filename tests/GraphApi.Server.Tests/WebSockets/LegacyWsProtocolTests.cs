using GraphApi.Server.Tests.WebSockets.Realtime;

namespace GraphApi.Server.Tests.WebSockets;

/// <summary>The legacy graphql-ws subprotocol (Apollo subscriptions-transport-ws) through every message.</summary>
public sealed class LegacyWsProtocolTests
{
    private const string Protocol = "graphql-ws";

    [Fact]
    public async Task Init_is_acked_with_ka_and_start_streams_data_until_complete()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);
        host.Feed.Publish(5);
        host.Feed.Complete();

        var data = await client.ReceiveAsync("data");
        Assert.Equal(("1", 5), ((string)data["id"]!, (int)data["payload"]!["data"]!["events"]!));
        Assert.Equal("1", (string)(await client.ReceiveAsync("complete"))["id"]!);
        Assert.Equal(Protocol, client.SubProtocol);
    }

    [Fact]
    public async Task Ka_repeats_every_keep_alive_interval()
    {
        await using var host = await RealtimeHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(150));
        await using var client = await ConnectAndInitAsync(host);

        Assert.Equal("ka", (string)(await client.ReceiveAsync(TimeSpan.FromSeconds(3)))["type"]!);
        Assert.Equal("ka", (string)(await client.ReceiveAsync(TimeSpan.FromSeconds(3)))["type"]!);
    }

    [Fact]
    public async Task A_query_over_start_answers_data_then_complete()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"q","type":"start","payload":{"query":"{ hello }"}}""");

        Assert.Equal("world", (string)(await client.ReceiveAsync("data"))["payload"]!["data"]!["hello"]!);
        Assert.Equal("q", (string)(await client.ReceiveAsync("complete"))["id"]!);
    }

    [Fact]
    public async Task A_refused_operation_answers_error_with_the_errors()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"bad","type":"start","payload":{"query":"subscription { nope }"}}""");

        var error = await client.ReceiveAsync("error");
        Assert.Equal("bad", (string)error["id"]!);
        Assert.Contains("nope", (string)error["payload"]![0]!["message"]!);
    }

    [Fact]
    public async Task An_unknown_message_answers_error_and_the_socket_stays_open()
    {
        await using var host = await RealtimeHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.Zero);
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"type":"bogus"}""");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"id":"q","type":"start","payload":{"query":"{ hello }"}}""");

        Assert.Equal("error", (string)error["type"]!);
        Assert.Equal("data", (string)(await client.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task Stop_unsubscribes()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);
        await client.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);

        await client.SendAsync("""{"id":"1","type":"stop"}""");

        await host.Feed.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Connection_terminate_closes_normally_and_unsubscribes_everything()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);
        await client.SendAsync("""{"id":"1","type":"start","payload":{"query":"subscription { events }"}}""");
        await client.SendAsync("""{"id":"2","type":"start","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(2);

        await client.SendAsync("""{"type":"connection_terminate"}""");

        Assert.Equal(1000, (await client.ReceiveCloseAsync()).Code);
        await host.Feed.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task A_rejected_init_answers_connection_error_then_closes_4403()
    {
        await using var host = await RealtimeHost.StartAsync(configureServices: TransportWsProtocolTests.UseTestAuthenticator);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);

        await client.SendAsync("""{"type":"connection_init","payload":{"authorization":"forged"}}""");

        Assert.Equal("connection_error", (string)(await client.ReceiveAsync())["type"]!);
        Assert.Equal(4403, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Start_before_init_answers_error()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);

        await client.SendAsync("""{"id":"1","type":"start","payload":{"query":"{ hello }"}}""");

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "1"), ((string)error["type"]!, (string)error["id"]!));
    }

    private static async Task<GraphQLWebSocketClient> ConnectAndInitAsync(RealtimeHost host)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);
        await client.SendAsync("""{"type":"connection_init","payload":{}}""");
        Assert.Equal("connection_ack", (string)(await client.ReceiveAsync())["type"]!);
        return client;
    }
}
