using GraphApi.Server.PubSub;
using GraphApi.Tests.Hosting;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace GraphApi.Tests.Realtime;

/// <summary>
/// Signals that a subscription sent by a client is registered on the server, so that an event raised next reaches
/// it: the subscriber count of the topic on the application's in-process bus, or of its channel on Redis.
/// </summary>
internal static class SubscriberSignal
{
    /// <summary>Waits until <paramref name="topic"/> has exactly <paramref name="count"/> subscribers on the application's in-process bus.</summary>
    public static Task WaitForSubscribersAsync(this GraphApiFactory factory, string topic, int count)
    {
        var bus = factory.Services.GetRequiredService<ITopicEventReceiver>() as InProcessTopicBus
            ?? throw new InvalidOperationException("The application does not use the in-process bus.");
        return Eventually.UntilAsync(() => bus.SubscriberCount(topic) == count, $"{count} subscriber(s) of topic '{topic}'");
    }

    /// <summary>Waits until some instance subscribed <paramref name="topic"/>'s channel (default prefix) on <paramref name="redis"/>.</summary>
    public static async Task WaitForRedisSubscriberAsync(RedisServer redis, string topic)
    {
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.Configuration);
        var database = connection.GetDatabase();
        await Eventually.UntilAsync(
            async () => (long)((RedisResult[])(await database.ExecuteAsync("PUBSUB", "NUMSUB", "graphapi:" + topic))!)[1] > 0,
            $"a subscriber of Redis channel 'graphapi:{topic}'");
    }
}
