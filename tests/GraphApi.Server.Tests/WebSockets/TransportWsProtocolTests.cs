using System.Diagnostics;
using System.Text.Json.Nodes;
using GraphApi.Server.Tests.WebSockets.Realtime;
using GraphApi.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.WebSockets;

/// <summary>graphql-transport-ws through every message and close code, over a real socket.</summary>
public sealed class TransportWsProtocolTests
{
    private const string Protocol = "graphql-transport-ws";

    [Fact]
    public async Task Init_is_acknowledged_and_a_subscription_streams_next_until_complete()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"s1","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);
        host.Feed.Publish(1);
        host.Feed.Publish(2);
        host.Feed.Complete();

        Assert.Equal(1, (int)(await client.ReceiveAsync())["payload"]!["data"]!["events"]!);
        var second = await client.ReceiveAsync();
        Assert.Equal(("next", "s1", 2), ((string)second["type"]!, (string)second["id"]!, (int)second["payload"]!["data"]!["events"]!));
        var complete = await client.ReceiveAsync();
        Assert.Equal(("complete", "s1"), ((string)complete["type"]!, (string)complete["id"]!));
        Assert.Equal(Protocol, client.SubProtocol);
    }

    [Fact]
    public async Task Queries_and_mutations_answer_one_next_then_complete()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal("world", (string)(await client.ReceiveAsync())["payload"]!["data"]!["hello"]!);
        Assert.Equal("complete", (string)(await client.ReceiveAsync())["type"]!);

        await client.SendAsync("""{"id":"m","type":"subscribe","payload":{"query":"mutation($t: String!) { echo(text: $t) }","variables":{"t":"hi"}}}""");
        Assert.Equal("hi", (string)(await client.ReceiveAsync())["payload"]!["data"]!["echo"]!);
        Assert.Equal("complete", (string)(await client.ReceiveAsync())["type"]!);
    }

    [Fact]
    public async Task Ack_may_carry_no_payload_and_ping_is_answered_with_pong_echoing_its_payload()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);

        await client.SendAsync("""{"type":"ping","payload":{"n":7}}""");
        var pong = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"connection_init"}""");
        var ack = await client.ReceiveAsync();
        await client.SendAsync("""{"type":"pong"}""");
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("pong", (string)pong["type"]!);
        Assert.Equal(7, (int)pong["payload"]!["n"]!);
        Assert.Equal("connection_ack", (string)ack["type"]!);
        Assert.Equal("pong", (string)(await client.ReceiveAsync())["type"]!); // the client's pong was accepted silently
    }

    [Fact]
    public async Task The_server_pings_every_keep_alive_interval_after_the_ack()
    {
        await using var host = await RealtimeHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(150));
        await using var client = await ConnectAndInitAsync(host);

        var started = DateTime.UtcNow;
        Assert.Equal("ping", (string)(await client.ReceiveAsync(TimeSpan.FromSeconds(3)))["type"]!);
        Assert.Equal("ping", (string)(await client.ReceiveAsync(TimeSpan.FromSeconds(3)))["type"]!);
        Assert.InRange(DateTime.UtcNow - started, TimeSpan.FromMilliseconds(250), TimeSpan.FromSeconds(3));
    }

    [Fact]
    public async Task A_zero_keep_alive_interval_sends_no_pings()
    {
        await using var host = await RealtimeHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.Zero);
        await using var client = await ConnectAndInitAsync(host);

        await Task.Delay(400);
        await client.SendAsync("""{"type":"ping","payload":{"marker":true}}""");

        var first = await client.ReceiveAsync();
        Assert.Equal("pong", (string)first["type"]!);
    }

    [Fact]
    public async Task A_refused_operation_answers_error_and_the_socket_stays_open()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"bad","type":"subscribe","payload":{"query":"subscription { nope }"}}""");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"id":"bad","type":"subscribe","payload":{"query":"{ hello }"}}""");

        Assert.Equal(("error", "bad"), ((string)error["type"]!, (string)error["id"]!));
        Assert.Contains("nope", (string)error["payload"]![0]!["message"]!);
        Assert.Equal("world", (string)(await client.ReceiveAsync())["payload"]!["data"]!["hello"]!); // the id is free again
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("""{"type":"unknown"}""")]
    [InlineData("""{"id":"x","type":"subscribe","payload":{"noQuery":true}}""")]
    [InlineData("""{"type":"complete"}""")]
    public async Task An_invalid_message_closes_4400(string message)
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync(message);

        Assert.Equal(4400, (await client.ReceiveCloseAsync()).Code);
    }

    [Fact]
    public async Task Subscribe_before_the_ack_closes_4401()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);

        await client.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello }"}}""");

        Assert.Equal((4401, "Unauthorized"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_rejected_init_closes_4403()
    {
        await using var host = await RealtimeHost.StartAsync(configureServices: UseTestAuthenticator);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);

        await client.SendAsync("""{"type":"connection_init","payload":{"authorization":"forged"}}""");

        Assert.Equal((4403, "Forbidden"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task An_authenticated_connection_runs_as_its_user_and_closes_4403_when_the_credentials_expire()
    {
        await using var host = await RealtimeHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.Zero, configureServices: UseTestAuthenticator);
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);
        await client.SendAsync("""{"type":"connection_init","payload":{"authorization":"expiring:700"}}""");
        Assert.Equal("connection_ack", (string)(await client.ReceiveAsync())["type"]!);
        await client.SendAsync("""{"id":"s","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);

        await client.SendAsync("""{"id":"who","type":"subscribe","payload":{"query":"{ whoami }"}}""");
        Assert.Equal("expiring", (string)(await client.ReceiveAsync())["payload"]!["data"]!["whoami"]!);
        Assert.Equal("complete", (string)(await client.ReceiveAsync())["type"]!);

        var (code, _) = await client.ReceiveCloseAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(4403, code);
        await host.Feed.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task Anonymous_init_runs_operations_without_a_user()
    {
        await using var host = await RealtimeHost.StartAsync(configureServices: UseTestAuthenticator);
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"who","type":"subscribe","payload":{"query":"{ whoami }"}}""");

        Assert.Null((await client.ReceiveAsync())["payload"]!["data"]!["whoami"]);
    }

    [Fact]
    public async Task No_init_within_the_timeout_closes_4408()
    {
        await using var host = await RealtimeHost.StartAsync(o => o.ConnectionInitTimeout = TimeSpan.FromMilliseconds(300));
        var started = Stopwatch.StartNew(); // before the upgrade: the server's timer cannot start earlier
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);

        var close = await client.ReceiveCloseAsync();

        Assert.Equal((4408, "Connection initialisation timeout"), close);

        // Timers count whole milliseconds of a coarser clock, so one may fire up to a tick before 300 ms by this one.
        Assert.True(started.Elapsed >= TimeSpan.FromMilliseconds(300 - 5), $"closed after {started.Elapsed.TotalMilliseconds} ms");
    }

    [Fact]
    public async Task A_duplicate_running_operation_id_closes_4409()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"dup","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);
        await client.SendAsync("""{"id":"dup","type":"subscribe","payload":{"query":"subscription { events }"}}""");

        Assert.Equal((4409, "Subscriber for dup already exists"), await client.ReceiveCloseAsync());
        await host.Feed.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task A_second_init_closes_4429()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await ConnectAndInitAsync(host);

        await client.SendAsync("""{"type":"connection_init"}""");

        Assert.Equal((4429, "Too many initialisation requests"), await client.ReceiveCloseAsync());
    }

    [Fact]
    public async Task Client_complete_unsubscribes_without_a_server_complete()
    {
        await using var host = await RealtimeHost.StartAsync(o => o.KeepAliveInterval = TimeSpan.Zero);
        await using var client = await ConnectAndInitAsync(host);
        await client.SendAsync("""{"id":"s","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);

        await client.SendAsync("""{"id":"s","type":"complete"}""");
        await host.Feed.WaitForSubscribersAsync(0);
        await client.SendAsync("""{"type":"ping"}""");

        Assert.Equal("pong", (string)(await client.ReceiveAsync())["type"]!); // no complete for s came first
    }

    internal static async Task<GraphQLWebSocketClient> ConnectAndInitAsync(RealtimeHost host, JsonObject? payload = null)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, Protocol);
        var init = new JsonObject { ["type"] = "connection_init" };
        if (payload is not null)
        {
            init["payload"] = payload;
        }

        await client.SendAsync(init);
        Assert.Equal("connection_ack", (string)(await client.ReceiveAsync())["type"]!);
        return client;
    }

    internal static void UseTestAuthenticator(IServiceCollection services) =>
        services.AddSingleton<IWebSocketAuthenticator, TestAuthenticator>();
}
