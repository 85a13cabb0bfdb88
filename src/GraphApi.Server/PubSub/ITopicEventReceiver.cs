namespace GraphApi.Server.PubSub;

/// <summary>Subscribes to named topics; the counterpart of <see cref="ITopicEventSender"/>.</summary>
public interface ITopicEventReceiver
{
    /// <summary>
    /// Subscribes to <paramref name="topic"/>. The subscription is active when the returned task completes, so
    /// no message sent afterwards is missed; it receives messages of type <typeparamref name="T"/> only.
    /// Dispose it (or cancel <paramref name="cancellationToken"/>) to unsubscribe, which ends its enumeration.
    /// </summary>
    ValueTask<ITopicSubscription<T>> SubscribeAsync<T>(string topic, CancellationToken cancellationToken = default);
}
