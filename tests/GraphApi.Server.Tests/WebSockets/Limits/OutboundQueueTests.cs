using GraphApi.Server.Tests.WebSockets.Realtime;

namespace GraphApi.Server.Tests.WebSockets.Limits;

/// <summary>
/// A client that stops reading (decisions.md, "Abuse resistance"): once 1 MiB of messages waits for it, the socket
/// is closed with 1008, its operations stop, the server holds bounded memory and goes on serving everyone else.
/// Alone in its collection: the memory measure is process-wide.
/// </summary>
[Collection(MemoryMeasuringCollection.Name)]
public sealed class OutboundQueueTests
{
    private const int EventChars = 100_000;
    private const int Subscriptions = 10;

    [Fact]
    public async Task A_stalled_reader_is_closed_with_1008_and_costs_bounded_memory()
    {
        await using var host = await StartAsync(sendTimeout: TimeSpan.FromSeconds(3));
        await using var stalled = await SubscribeToBulkAsync(host);
        await using var other = await TransportWsProtocolTests.ConnectAndInitAsync(host);
        var baseline = GC.GetTotalMemory(forceFullCollection: true);

        // The client never reads: the kernel buffers fill (a few MiB on loopback), then the server's 1 MiB queue;
        // events keep coming, ~30 MB of them, and wait (or are dropped) unserialized.
        const int rounds = 30;
        for (var round = 1; round <= rounds; round++)
        {
            host.Feed.Publish(round);
            await Task.Delay(20);
        }

        // Expected: the 1 MiB queue, plus per subscription its 2 buffered results and the one waiting for room
        // (100,000 UTF-16 characters each): about 8 MB, however many events are published.
        var held = GC.GetTotalMemory(forceFullCollection: true) - baseline;
        Assert.Equal(Subscriptions, host.Feed.SubscriberCount); // not closed yet: the send timeout has not passed

        // Others are served while it stalls.
        await other.SendAsync("""{"id":"q","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal("world", (string)(await other.ReceiveAsync())["payload"]!["data"]!["hello"]!);
        Assert.Equal("complete", (string)(await other.ReceiveAsync())["type"]!);

        // No message taken within the send timeout: its operations stop, and reading again it finds what the kernel
        // held, then the close frame.
        await host.Feed.WaitForSubscribersAsync(0);
        var (code, reason) = await stalled.ReceiveCloseAsync();
        Assert.Equal(1008, code);
        Assert.Contains("stopped reading", reason);
        Assert.True(
            held < 12 * 1024 * 1024,
            $"The server held {held:N0} bytes more after {rounds * Subscriptions} events of {EventChars:N0} characters went to a stalled reader.");

        // The server still serves the other socket after closing the stalled one.
        await other.SendAsync("""{"id":"q2","type":"subscribe","payload":{"query":"{ hello }"}}""");
        Assert.Equal("world", (string)(await other.ReceiveAsync())["payload"]!["data"]!["hello"]!);
    }

    [Fact]
    public async Task A_reader_that_never_reads_again_is_cut_off_when_the_close_grace_runs_out()
    {
        await using var host = await StartAsync(sendTimeout: TimeSpan.FromSeconds(1));
        await using var stalled = await SubscribeToBulkAsync(host);
        for (var round = 1; round <= 30; round++)
        {
            host.Feed.Publish(round);
            await Task.Delay(20);
        }

        // The send timeout passes: the server asks to close (1008), but the close frame waits behind a send the
        // client never takes. Two seconds of grace later the server stops waiting and aborts the connection, so a
        // late read finds no close handshake, only the end of the stream.
        await host.Feed.WaitForSubscribersAsync(0);
        await Task.Delay(TimeSpan.FromSeconds(3));

        await Assert.ThrowsAnyAsync<System.Net.WebSockets.WebSocketException>(() => stalled.ReceiveCloseAsync());
    }

    [Fact]
    public async Task A_reader_that_keeps_up_gets_every_message_even_beyond_the_queue_bound()
    {
        await using var host = await RealtimeHost.StartAsync(o =>
        {
            o.KeepAliveInterval = TimeSpan.Zero;
            o.MaxOutboundQueueBytes = 64 * 1024;
        });
        await using var client = await TransportWsProtocolTests.ConnectAndInitAsync(host);

        // Ten 200 KB results, each alone larger than the bound: sent one after another, none refused.
        for (var i = 0; i < 10; i++)
        {
            await client.SendAsync($$$"""{"id":"b{{{i}}}","type":"subscribe","payload":{"query":"subscription { bulk(size: 200000) }"}}""");
        }

        await host.Feed.WaitForSubscribersAsync(10);
        host.Feed.Publish(1);
        var received = 0;
        while (received < 10)
        {
            var message = await client.ReceiveAsync();
            Assert.Equal("next", (string)message["type"]!);
            received++;
        }

        Assert.Equal(10, host.Feed.SubscriberCount);
    }

    private static Task<RealtimeHost> StartAsync(TimeSpan sendTimeout) => RealtimeHost.StartAsync(o =>
    {
        o.KeepAliveInterval = TimeSpan.Zero;
        o.SubscriptionBufferCapacity = 2;
        o.SendTimeout = sendTimeout;
    });

    /// <summary>A client with <see cref="Subscriptions"/> subscriptions to events of <see cref="EventChars"/> characters each.</summary>
    private static async Task<GraphQLWebSocketClient> SubscribeToBulkAsync(RealtimeHost host)
    {
        var client = await TransportWsProtocolTests.ConnectAndInitAsync(host);
        for (var i = 0; i < Subscriptions; i++)
        {
            await client.SendAsync($$$"""{"id":"big{{{i}}}","type":"subscribe","payload":{"query":"subscription { bulk(size: {{{EventChars}}}) }"}}""");
        }

        await host.Feed.WaitForSubscribersAsync(Subscriptions);
        return client;
    }
}
