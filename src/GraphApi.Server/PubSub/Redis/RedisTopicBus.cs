using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace GraphApi.Server.PubSub.Redis;

/// <summary>
/// A topic bus spanning server instances through Redis pub/sub. Sending publishes to the topic's Redis channel;
/// each instance subscribes a channel once, while it has local subscribers, and fans its messages out through an
/// in-process bus, so local subscribers get the same bounded, drop-oldest buffers as with the in-process bus.
/// </summary>
internal sealed class RedisTopicBus : ITopicEventSender, ITopicEventReceiver
{
    // A first connect to a Redis that is down takes the whole connect timeout; a sender waits this long at most.
    private static readonly TimeSpan ConnectPatience = TimeSpan.FromSeconds(1);

    private readonly RedisPubSubConnection _connection;
    private readonly string _channelPrefix;
    private readonly ILogger<RedisTopicBus> _logger;
    private readonly InProcessTopicBus _local;
    private readonly RedisMessageCodec _codec = new();
    private readonly Lock _gate = new();
    private readonly Dictionary<string, RedisTopicChannel> _channels = new(StringComparer.Ordinal);

    // Per topic, the stop of the channel whose last local subscriber left, while it runs: the topic's next channel
    // subscribes after it, so that stop's channel-wide UNSUBSCRIBE never undoes the next subscription.
    private readonly Dictionary<string, Task> _stopping = new(StringComparer.Ordinal);

    public RedisTopicBus(
        RedisPubSubConnection connection,
        IOptions<RedisPubSubOptions> options,
        IOptions<InProcessPubSubOptions> localOptions,
        ILoggerFactory loggerFactory)
    {
        _connection = connection;
        _channelPrefix = options.Value.ChannelPrefix;
        _logger = loggerFactory.CreateLogger<RedisTopicBus>();
        _local = new InProcessTopicBus(localOptions, loggerFactory.CreateLogger<InProcessTopicBus>());
    }

    public async ValueTask SendAsync<T>(string topic, T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        cancellationToken.ThrowIfCancellationRequested();
        if (message is null)
        {
            return; // No subscriber reads null, as with the in-process bus.
        }

        var payload = _codec.Encode(message);
        try
        {
            var subscriber = await _connection.GetSubscriberAsync().WaitAsync(ConnectPatience, cancellationToken).ConfigureAwait(false);
            await subscriber.PublishAsync(ChannelOf(topic), payload).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException)
        {
            // The sender's own work (e.g. a committed mutation) must not fail because Redis is away: at-most-once.
            _logger.LogWarning(
                exception, "Redis pub/sub could not publish to topic {Topic}; the message is dropped.", topic);
        }
    }

    public async ValueTask<ITopicSubscription<T>> SubscribeAsync<T>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        cancellationToken.ThrowIfCancellationRequested();
        _codec.RegisterSubscriberType<T>();
        var local = await _local.SubscribeAsync<T>(topic).ConfigureAwait(false);
        var channel = Acquire(topic);
        var subscription = new RedisTopicSubscription<T>(local, () => ReleaseAsync(channel));
        try
        {
            await channel.Subscribed.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await subscription.DisposeAsync().ConfigureAwait(false);
            throw;
        }

        subscription.DisposeWhen(cancellationToken);
        return subscription;
    }

    private RedisTopicChannel Acquire(string topic)
    {
        lock (_gate)
        {
            if (!_channels.TryGetValue(topic, out var channel))
            {
                channel = new RedisTopicChannel(topic, ChannelOf(topic), _logger);
                _channels[topic] = channel;
                channel.Start(_connection, message => Deliver(topic, message), _stopping.GetValueOrDefault(topic) ?? Task.CompletedTask);
            }

            channel.LocalSubscribers++;
            return channel;
        }
    }

    private async Task ReleaseAsync(RedisTopicChannel channel)
    {
        Task stop;
        lock (_gate)
        {
            if (--channel.LocalSubscribers > 0)
            {
                return;
            }

            _channels.Remove(channel.Topic);
            stop = channel.StopAsync();
            _stopping[channel.Topic] = stop;
        }

        try
        {
            await stop.ConfigureAwait(false);
        }
        finally
        {
            lock (_gate)
            {
                if (_stopping.TryGetValue(channel.Topic, out var current) && current == stop)
                {
                    _stopping.Remove(channel.Topic);
                }
            }
        }
    }

    private void Deliver(string topic, ChannelMessage message)
    {
        try
        {
            if (_codec.TryDecode(((ReadOnlyMemory<byte>)message.Message).Span, out var decoded))
            {
                _ = _local.SendAsync(topic, decoded);
            }
        }
        catch (JsonException exception)
        {
            _logger.LogWarning(exception, "Redis pub/sub dropped an unreadable message on topic {Topic}.", topic);
        }
    }

    private RedisChannel ChannelOf(string topic) => RedisChannel.Literal(_channelPrefix + topic);
}
