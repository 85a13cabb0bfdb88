using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.PubSub;

/// <summary>
/// Topics and their subscribers inside one process. Sending reads an immutable snapshot of a topic's subscribers,
/// so publishers never hold the lock while delivering; the last subscriber to leave removes its topic.
/// </summary>
internal sealed class InProcessTopicBus(IOptions<InProcessPubSubOptions> options, ILogger<InProcessTopicBus> logger)
    : ITopicEventSender, ITopicEventReceiver
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, IInProcessSubscriber[]> _topics = new(StringComparer.Ordinal);

    public ValueTask SendAsync<T>(string topic, T message, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        cancellationToken.ThrowIfCancellationRequested();
        IInProcessSubscriber[]? subscribers;
        lock (_gate)
        {
            _topics.TryGetValue(topic, out subscribers);
        }

        foreach (var subscriber in subscribers ?? [])
        {
            subscriber.Offer(message);
        }

        return ValueTask.CompletedTask;
    }

    public ValueTask<ITopicSubscription<T>> SubscribeAsync<T>(string topic, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(topic);
        cancellationToken.ThrowIfCancellationRequested();
        var capacity = options.Value.SubscriberBufferCapacity;
        if (capacity < 1)
        {
            throw new InvalidOperationException(
                $"{nameof(InProcessPubSubOptions)}.{nameof(InProcessPubSubOptions.SubscriberBufferCapacity)} must be at least 1 (it is {capacity}).");
        }

        var subscription = new InProcessSubscription<T>(topic, capacity, Unsubscribe, OnDropped);
        lock (_gate)
        {
            _topics[topic] = _topics.TryGetValue(topic, out var existing) ? [.. existing, subscription] : [subscription];
        }

        subscription.DisposeWhen(cancellationToken);
        return ValueTask.FromResult<ITopicSubscription<T>>(subscription);
    }

    /// <summary>How many subscribers <paramref name="topic"/> has now (0 when the topic is gone).</summary>
    internal int SubscriberCount(string topic)
    {
        lock (_gate)
        {
            return _topics.TryGetValue(topic, out var subscribers) ? subscribers.Length : 0;
        }
    }

    private void Unsubscribe(IInProcessSubscriber subscriber)
    {
        lock (_gate)
        {
            if (!_topics.TryGetValue(subscriber.Topic, out var subscribers))
            {
                return;
            }

            var remaining = subscribers.Where(s => !ReferenceEquals(s, subscriber)).ToArray();
            if (remaining.Length == 0)
            {
                _topics.Remove(subscriber.Topic);
            }
            else
            {
                _topics[subscriber.Topic] = remaining;
            }
        }
    }

    private void OnDropped(string topic) =>
        logger.LogWarning(
            "A subscriber of topic {Topic} reads too slowly: its buffer of {Capacity} messages was full, so its oldest message was dropped.",
            topic,
            options.Value.SubscriberBufferCapacity);
}
