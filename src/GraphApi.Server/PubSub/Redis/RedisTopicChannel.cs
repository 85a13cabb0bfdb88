using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace GraphApi.Server.PubSub.Redis;

/// <summary>
/// This process's one Redis channel subscription for a topic, shared by all its local subscribers: subscribed when
/// the first arrives, unsubscribed when the last leaves. Messages are handled one at a time, in the order Redis
/// delivered them.
/// </summary>
internal sealed class RedisTopicChannel(string topic, RedisChannel channel, ILogger logger)
{
    private ChannelMessageQueue? _queue;

    public string Topic { get; } = topic;

    /// <summary>Local subscribers sharing this channel; read and written under the bus's lock only.</summary>
    public int LocalSubscribers { get; set; }

    /// <summary>Completes once Redis confirmed the subscription, or once subscribing failed (logged).</summary>
    public Task Subscribed { get; private set; } = Task.CompletedTask;

    public void Start(RedisPubSubConnection connection, Action<ChannelMessage> onMessage) =>
        Subscribed = SubscribeAsync(connection, onMessage);

    public async Task StopAsync()
    {
        await Subscribed;
        if (_queue is null)
        {
            return;
        }

        try
        {
            await _queue.UnsubscribeAsync();
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // While disconnected the server has already forgotten the subscription, and the client drops it too.
            logger.LogWarning(exception, "Redis pub/sub could not unsubscribe channel {Channel} of topic {Topic}.", channel, Topic);
        }
    }

    private async Task SubscribeAsync(RedisPubSubConnection connection, Action<ChannelMessage> onMessage)
    {
        try
        {
            var subscriber = await connection.GetSubscriberAsync();
            _queue = await subscriber.SubscribeAsync(channel);
            _queue.OnMessage(onMessage);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            logger.LogWarning(
                exception,
                "Redis pub/sub could not subscribe channel {Channel} of topic {Topic}: its subscribers receive nothing from other instances.",
                channel,
                Topic);
        }
    }
}
