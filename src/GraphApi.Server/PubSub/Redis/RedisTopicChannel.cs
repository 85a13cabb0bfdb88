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
    // StackExchange.Redis re-subscribes channels it holds after a reconnect, but forgets a subscribe that failed
    // while disconnected: that one we retry ourselves, this often, until it succeeds or the channel is stopped.
    private static readonly TimeSpan RetryDelay = TimeSpan.FromMilliseconds(500);

    private readonly CancellationTokenSource _stopping = new();
    private Task _subscribing = Task.CompletedTask;
    private ISubscriber? _subscriber;

    public string Topic { get; } = topic;

    /// <summary>Local subscribers sharing this channel; read and written under the bus's lock only.</summary>
    public int LocalSubscribers { get; set; }

    /// <summary>
    /// Completes once Redis confirmed the subscription, or once the first attempt failed (logged; retried in the
    /// background), so subscribing while Redis is down does not wait for it.
    /// </summary>
    public Task Subscribed { get; private set; } = Task.CompletedTask;

    /// <summary>Subscribes once <paramref name="previousStop"/> (the topic's earlier channel leaving) is done.</summary>
    public void Start(RedisPubSubConnection connection, Action<ChannelMessage> onMessage, Task previousStop)
    {
        var firstAttempt = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Subscribed = firstAttempt.Task;
        _subscribing = KeepSubscribingAsync(connection, onMessage, firstAttempt, previousStop);
    }

    public async Task StopAsync()
    {
        await _stopping.CancelAsync().ConfigureAwait(false);
        await _subscribing.ConfigureAwait(false);
        _stopping.Dispose();
        if (_subscriber is null)
        {
            return;
        }

        try
        {
            // The whole channel, not only the last queue: an attempt that timed out on our side may still have left a
            // queue registered, which would keep the channel subscribed for good. No newer channel of the topic has
            // subscribed yet: it waits for this stop (see Start).
            await _subscriber.UnsubscribeAsync(channel).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is RedisException or TimeoutException)
        {
            // While disconnected the server has already forgotten the subscription, and the client drops it too.
            logger.LogWarning(exception, "Redis pub/sub could not unsubscribe channel {Channel} of topic {Topic}.", channel, Topic);
        }
    }

    private async Task KeepSubscribingAsync(
        RedisPubSubConnection connection, Action<ChannelMessage> onMessage, TaskCompletionSource firstAttempt, Task previousStop)
    {
        await previousStop.ConfigureAwait(ConfigureAwaitOptions.SuppressThrowing);
        var failures = 0;
        while (!_stopping.IsCancellationRequested)
        {
            try
            {
                var subscriber = await connection.GetSubscriberAsync().ConfigureAwait(false);
                _subscriber = subscriber;
                var queue = await subscriber.SubscribeAsync(channel).ConfigureAwait(false);
                queue.OnMessage(onMessage);
                if (failures > 0)
                {
                    logger.LogInformation("Redis pub/sub subscribed channel {Channel} of topic {Topic} after {Failures} failed attempts.", channel, Topic, failures);
                }

                firstAttempt.TrySetResult();
                return;
            }
            catch (Exception exception) when (exception is RedisException or TimeoutException)
            {
                if (failures++ == 0)
                {
                    logger.LogWarning(
                        exception,
                        "Redis pub/sub could not subscribe channel {Channel} of topic {Topic}; retrying every {RetryDelay} until Redis is back.",
                        channel,
                        Topic,
                        RetryDelay);
                }

                firstAttempt.TrySetResult();
            }

            try
            {
                await Task.Delay(RetryDelay, _stopping.Token).ConfigureAwait(false);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }

        firstAttempt.TrySetResult();
    }
}
