using GraphApi.Server.Tests.WebSockets.Realtime;

namespace GraphApi.Server.Tests.WebSockets;

/// <summary>DI scopes per event, and nothing left subscribed once a socket goes away.</summary>
public sealed class SubscriptionLifetimeTests
{
    [Fact]
    public async Task Each_event_resolves_in_a_fresh_scope()
    {
        await using var host = await RealtimeHost.StartAsync();
        await using var client = await TransportWsProtocolTests.ConnectAndInitAsync(host);
        await client.SendAsync("""{"id":"s","type":"subscribe","payload":{"query":"subscription { eventScope }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);

        host.Feed.Publish(1);
        host.Feed.Publish(2);
        var first = (string)(await client.ReceiveAsync("next"))["payload"]!["data"]!["eventScope"]!;
        var second = (string)(await client.ReceiveAsync("next"))["payload"]!["data"]!["eventScope"]!;

        Assert.NotEqual(first, second);
    }

    [Fact]
    public async Task Closing_the_socket_unsubscribes_every_subscription()
    {
        await using var host = await RealtimeHost.StartAsync();
        var client = await TransportWsProtocolTests.ConnectAndInitAsync(host);
        await client.SendAsync("""{"id":"a","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await client.SendAsync("""{"id":"b","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(2);

        await client.CloseAsync();
        await client.DisposeAsync();

        await host.Feed.WaitForSubscribersAsync(0);
    }

    [Fact]
    public async Task An_aborted_socket_unsubscribes_too()
    {
        await using var host = await RealtimeHost.StartAsync();
        var client = await TransportWsProtocolTests.ConnectAndInitAsync(host);
        await client.SendAsync("""{"id":"a","type":"subscribe","payload":{"query":"subscription { events }"}}""");
        await host.Feed.WaitForSubscribersAsync(1);

        await client.DisposeAsync(); // no close handshake

        await host.Feed.WaitForSubscribersAsync(0);
    }
}
