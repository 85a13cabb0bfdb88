using GraphApi.Server.PubSub;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.PubSub;

public sealed class InProcessTopicBusTests : IAsyncDisposable
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly ServiceProvider _services = new ServiceCollection()
        .AddLogging()
        .AddInProcessPubSub(o => o.SubscriberBufferCapacity = 16)
        .BuildServiceProvider();

    private ITopicEventSender Sender => _services.GetRequiredService<ITopicEventSender>();

    private ITopicEventReceiver Receiver => _services.GetRequiredService<ITopicEventReceiver>();

    private InProcessTopicBus Bus => _services.GetRequiredService<InProcessTopicBus>();

    public ValueTask DisposeAsync() => _services.DisposeAsync();

    [Fact]
    public void Sender_and_receiver_are_the_same_singleton_bus()
    {
        Assert.Same(Bus, Sender);
        Assert.Same(Bus, Receiver);
    }

    [Fact]
    public async Task Every_subscriber_of_a_topic_receives_every_message_in_order()
    {
        await using var first = await Receiver.SubscribeAsync<Ping>("t");
        await using var second = await Receiver.SubscribeAsync<Ping>("t");

        await Sender.SendAsync("t", new Ping(1));
        await Sender.SendAsync("t", new Ping(2));
        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.Equal([new Ping(1), new Ping(2)], await DrainAsync(first));
        Assert.Equal([new Ping(1), new Ping(2)], await DrainAsync(second));
    }

    [Fact]
    public async Task Topics_are_isolated()
    {
        await using var a = await Receiver.SubscribeAsync<Ping>("order:1");
        await using var b = await Receiver.SubscribeAsync<Ping>("order:2");

        await Sender.SendAsync("order:2", new Ping(2));
        await Sender.SendAsync("order:1", new Ping(1));

        await a.DisposeAsync();
        await b.DisposeAsync();

        Assert.Equal([new Ping(1)], await DrainAsync(a));
        Assert.Equal([new Ping(2)], await DrainAsync(b));
    }

    [Fact]
    public async Task A_subscriber_receives_only_messages_of_its_type()
    {
        await using var pings = await Receiver.SubscribeAsync<Ping>("t");

        await Sender.SendAsync("t", "not a ping");
        await Sender.SendAsync("t", new Ping(7));
        await pings.DisposeAsync();

        Assert.Equal([new Ping(7)], await DrainAsync(pings));
    }

    [Fact]
    public async Task Messages_sent_before_subscribing_are_not_delivered()
    {
        await Sender.SendAsync("t", new Ping(0));
        await using var late = await Receiver.SubscribeAsync<Ping>("t");
        await Sender.SendAsync("t", new Ping(1));
        await late.DisposeAsync();

        Assert.Equal([new Ping(1)], await DrainAsync(late));
    }

    [Fact]
    public async Task A_full_buffer_drops_the_oldest_messages_and_never_blocks_the_sender()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddInProcessPubSub(o => o.SubscriberBufferCapacity = 3)
            .BuildServiceProvider();
        var receiver = services.GetRequiredService<ITopicEventReceiver>();
        var sender = services.GetRequiredService<ITopicEventSender>();
        await using var slow = await receiver.SubscribeAsync<Ping>("t");

        for (var i = 1; i <= 10; i++)
        {
            var send = sender.SendAsync("t", new Ping(i));
            Assert.True(send.IsCompletedSuccessfully, "Sending must not wait for a slow subscriber.");
        }

        await slow.DisposeAsync();
        Assert.Equal([new Ping(8), new Ping(9), new Ping(10)], await DrainAsync(slow));
    }

    [Fact]
    public async Task Disposing_unsubscribes_ends_enumeration_and_removes_an_empty_topic()
    {
        var subscription = await Receiver.SubscribeAsync<Ping>("t");
        var reading = DrainAsync(subscription);
        Assert.Equal(1, Bus.SubscriberCount("t"));

        await subscription.DisposeAsync();
        await Sender.SendAsync("t", new Ping(1));

        Assert.Empty(await reading.WaitAsync(Patience));
        Assert.Equal(0, Bus.SubscriberCount("t"));
    }

    [Fact]
    public async Task Unsubscribing_one_subscriber_leaves_the_others_subscribed()
    {
        await using var staying = await Receiver.SubscribeAsync<Ping>("t");
        var leaving = await Receiver.SubscribeAsync<Ping>("t");

        await leaving.DisposeAsync();
        Assert.Equal(1, Bus.SubscriberCount("t"));
        await Sender.SendAsync("t", new Ping(1));

        await staying.DisposeAsync();

        Assert.Equal([new Ping(1)], await DrainAsync(staying));
        Assert.Empty(await DrainAsync(leaving));
    }

    [Fact]
    public async Task Cancelling_the_subscribe_token_unsubscribes()
    {
        using var cancellation = new CancellationTokenSource();
        var subscription = await Receiver.SubscribeAsync<Ping>("t", cancellation.Token);
        var reading = DrainAsync(subscription);

        await cancellation.CancelAsync();

        Assert.Empty(await reading.WaitAsync(Patience));
        Assert.Equal(0, Bus.SubscriberCount("t"));
    }

    [Fact]
    public async Task Cancelling_the_enumeration_ends_a_waiting_read()
    {
        await using var subscription = await Receiver.SubscribeAsync<Ping>("t");
        using var stop = new CancellationTokenSource();
        await using var reader = subscription.GetAsyncEnumerator(stop.Token);
        await Sender.SendAsync("t", new Ping(1));
        Assert.True(await reader.MoveNextAsync().AsTask().WaitAsync(Patience));
        var waiting = reader.MoveNextAsync().AsTask(); // nothing more is sent: the read waits

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting.WaitAsync(Patience));
    }

    [Fact]
    public async Task After_cancellation_a_buffered_message_is_not_handed_out()
    {
        await using var subscription = await Receiver.SubscribeAsync<Ping>("t");
        using var stop = new CancellationTokenSource();
        await using var reader = subscription.GetAsyncEnumerator(stop.Token);
        await Sender.SendAsync("t", new Ping(1));

        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => reader.MoveNextAsync().AsTask().WaitAsync(Patience));
    }

    [Fact]
    public async Task A_subscription_can_be_enumerated_only_once()
    {
        await using var subscription = await Receiver.SubscribeAsync<Ping>("t");
        await using var first = subscription.GetAsyncEnumerator();

        Assert.Throws<InvalidOperationException>(() => subscription.GetAsyncEnumerator());
    }

    [Fact]
    public async Task A_buffer_capacity_below_one_is_refused_with_a_clear_message()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddInProcessPubSub(o => o.SubscriberBufferCapacity = 0)
            .BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(
            async () => await services.GetRequiredService<ITopicEventReceiver>().SubscribeAsync<Ping>("t"));
        Assert.Contains("SubscriberBufferCapacity must be at least 1", error.Message);
    }

    [Fact]
    public async Task Concurrent_senders_lose_nothing_while_the_buffer_has_room()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddInProcessPubSub(o => o.SubscriberBufferCapacity = 1000)
            .BuildServiceProvider();
        var sender = services.GetRequiredService<ITopicEventSender>();
        await using var subscription = await services.GetRequiredService<ITopicEventReceiver>().SubscribeAsync<Ping>("t");

        await Task.WhenAll(Enumerable.Range(0, 8).Select(worker => Task.Run(async () =>
        {
            for (var i = 0; i < 100; i++)
            {
                await sender.SendAsync("t", new Ping(worker * 100 + i));
            }
        })));
        await subscription.DisposeAsync();

        var received = await DrainAsync(subscription);
        Assert.Equal(Enumerable.Range(0, 800), received.Select(p => p.Number).Order());
    }

    private static async Task<List<T>> DrainAsync<T>(IAsyncEnumerable<T> source)
    {
        using var timeout = new CancellationTokenSource(Patience);
        var items = new List<T>();
        await foreach (var item in source.WithCancellation(timeout.Token))
        {
            items.Add(item);
        }

        return items;
    }

    private sealed record Ping(int Number);
}
