using GraphApi.Server.PubSub;
using GraphApi.Server.PubSub.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.PubSub.Redis;

public sealed class RedisTopicBusTests : IAsyncLifetime
{
    private RedisServer _redis = null!;
    private RedisInstances _instances = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _instances = new RedisInstances(_redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        await _instances.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [RequiresRedisFact]
    public async Task A_message_sent_on_one_instance_reaches_a_subscriber_on_another_intact()
    {
        var a = _instances.Start();
        var b = _instances.Start();
        await using var subscription = await b.Receiver().SubscribeAsync<StatusChanged>("order:7");
        await using var reader = subscription.GetAsyncEnumerator();
        var changed = new StatusChanged(7, Kind.StatusChanged, Kind.Placed, new DateTime(2026, 11, 26, 12, 0, 0, 123, DateTimeKind.Utc));
        var placed = new StatusChanged(8, Kind.Placed, null, new DateTime(2026, 11, 26, 12, 0, 1, DateTimeKind.Utc));

        await a.Sender().SendAsync("order:7", changed);
        await a.Sender().SendAsync("order:7", placed);

        Assert.Equal(changed, await reader.NextAsync());
        var second = await reader.NextAsync();
        Assert.Equal(placed, second);
        Assert.Equal(DateTimeKind.Utc, second.OccurredAt.Kind);
    }

    [RequiresRedisFact]
    public async Task Topics_are_isolated()
    {
        var a = _instances.Start();
        var b = _instances.Start();
        await using var first = await b.Receiver().SubscribeAsync<Ping>("order:1");
        await using var second = await b.Receiver().SubscribeAsync<Ping>("order:2");
        await using var firstReader = first.GetAsyncEnumerator();
        await using var secondReader = second.GetAsyncEnumerator();

        await a.Sender().SendAsync("order:2", new Ping(2));
        await a.Sender().SendAsync("order:1", new Ping(1));

        Assert.Equal(new Ping(1), await firstReader.NextAsync());
        Assert.Equal(new Ping(2), await secondReader.NextAsync());
        await first.DisposeAsync();
        await second.DisposeAsync();
        Assert.False(await firstReader.MoveNextAsync(), "order:1 received a message of another topic.");
        Assert.False(await secondReader.MoveNextAsync(), "order:2 received a message of another topic.");
    }

    [RequiresRedisFact]
    public async Task A_subscriber_receives_only_messages_of_its_type()
    {
        var a = _instances.Start();
        var b = _instances.Start();
        await using var pings = await b.Receiver().SubscribeAsync<Ping>("t");
        await using var pongs = await b.Receiver().SubscribeAsync<Pong>("t");
        await using var pingReader = pings.GetAsyncEnumerator();
        await using var pongReader = pongs.GetAsyncEnumerator();

        // Same JSON shape, different types: each reaches only its own subscribers.
        await a.Sender().SendAsync("t", new Pong(1));
        await a.Sender().SendAsync("t", new Ping(2));

        Assert.Equal(new Ping(2), await pingReader.NextAsync());
        Assert.Equal(new Pong(1), await pongReader.NextAsync());
    }

    [RequiresRedisFact]
    public async Task A_subscriber_on_the_sending_instance_receives_through_redis_too()
    {
        var a = _instances.Start();
        await using var subscription = await a.Receiver().SubscribeAsync<Ping>("t");
        await using var reader = subscription.GetAsyncEnumerator();

        await a.Sender().SendAsync("t", new Ping(1));

        Assert.Equal(new Ping(1), await reader.NextAsync());
    }

    [RequiresRedisFact]
    public async Task Each_instance_subscribes_a_topics_channel_once_and_unsubscribes_after_its_last_subscriber_leaves()
    {
        var a = _instances.Start();
        var b = _instances.Start();
        var firstOnB = await b.Receiver().SubscribeAsync<Ping>("order:1");
        var secondOnB = await b.Receiver().SubscribeAsync<Pong>("order:1");
        Assert.Equal(1, await RedisInstances.EventuallyAsync(() => _instances.SubscriptionsAsync("graphapi:order:1"), count => count == 1));

        var onA = await a.Receiver().SubscribeAsync<Ping>("order:1");
        Assert.Equal(2, await RedisInstances.EventuallyAsync(() => _instances.SubscriptionsAsync("graphapi:order:1"), count => count == 2));

        await firstOnB.DisposeAsync();
        Assert.Equal(2, await _instances.SubscriptionsAsync("graphapi:order:1"));
        await secondOnB.DisposeAsync();
        Assert.Equal(1, await RedisInstances.EventuallyAsync(() => _instances.SubscriptionsAsync("graphapi:order:1"), count => count == 1));

        await onA.DisposeAsync();
        Assert.Empty(await RedisInstances.EventuallyAsync(() => _instances.ChannelsAsync(), channels => channels.Length == 0));
    }

    [RequiresRedisFact]
    public async Task Resubscribing_while_the_last_subscriber_is_still_leaving_keeps_the_channel()
    {
        var a = _instances.Start();
        var b = _instances.Start();
        for (var round = 0; round < 20; round++)
        {
            var leaving = (await b.Receiver().SubscribeAsync<Ping>("t")).DisposeAsync().AsTask();
            await using var staying = await b.Receiver().SubscribeAsync<Ping>("t");
            await using var reader = staying.GetAsyncEnumerator();
            await leaving;

            await a.Sender().SendAsync("t", new Ping(round));

            Assert.Equal(new Ping(round), await reader.NextAsync());
        }
    }

    [RequiresRedisFact]
    public async Task Cancelling_the_subscribe_token_unsubscribes_the_channel()
    {
        var b = _instances.Start();
        using var cancellation = new CancellationTokenSource();
        var subscription = await b.Receiver().SubscribeAsync<Ping>("t", cancellation.Token);
        Assert.Equal(["graphapi:t"], await _instances.ChannelsAsync());

        await cancellation.CancelAsync();

        Assert.Empty(await RedisInstances.EventuallyAsync(() => _instances.ChannelsAsync(), channels => channels.Length == 0));
        await using var reader = subscription.GetAsyncEnumerator();
        Assert.False(await reader.MoveNextAsync().AsTask().WaitAsync(RedisInstances.Patience));
    }

    [RequiresRedisFact]
    public async Task The_channel_prefix_is_configurable()
    {
        var a = _instances.Start(o => o.ChannelPrefix = "other-app/");
        var b = _instances.Start(o => o.ChannelPrefix = "other-app/");
        await using var subscription = await b.Receiver().SubscribeAsync<Ping>("t");
        await using var reader = subscription.GetAsyncEnumerator();

        Assert.Equal(["other-app/t"], await _instances.ChannelsAsync("other-app/*"));
        Assert.Empty(await _instances.ChannelsAsync());
        await a.Sender().SendAsync("t", new Ping(1));
        Assert.Equal(new Ping(1), await reader.NextAsync());
    }

    [Fact]
    public async Task The_redis_bus_wins_over_the_in_process_bus_whatever_the_registration_order()
    {
        // Nothing connects until the bus is used, so no Redis is needed to resolve it.
        await using var redisFirst = new ServiceCollection().AddLogging()
            .AddRedisPubSub("127.0.0.1:1").AddInProcessPubSub().BuildServiceProvider();
        await using var redisLast = new ServiceCollection().AddLogging()
            .AddInProcessPubSub().AddRedisPubSub("127.0.0.1:1").BuildServiceProvider();

        foreach (var services in new[] { redisFirst, redisLast })
        {
            var bus = services.GetRequiredService<RedisTopicBus>();
            Assert.Same(bus, services.GetRequiredService<ITopicEventSender>());
            Assert.Same(bus, services.GetRequiredService<ITopicEventReceiver>());
        }
    }

    private enum Kind
    {
        Placed,
        StatusChanged,
    }

    private sealed record StatusChanged(int OrderId, Kind Kind, Kind? PreviousKind, DateTime OccurredAt);

    private sealed record Ping(int Number);

    private sealed record Pong(int Number);
}
