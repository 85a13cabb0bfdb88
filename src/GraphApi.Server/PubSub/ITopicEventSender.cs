namespace GraphApi.Server.PubSub;

/// <summary>
/// Publishes messages to named topics. Messages should be plain serializable records: a distributed
/// implementation (e.g. Redis) sends them over the wire, the in-process one hands over the same instance.
/// </summary>
public interface ITopicEventSender
{
    /// <summary>
    /// Delivers <paramref name="message"/> to every current subscriber of <paramref name="topic"/> whose message
    /// type it matches. Never waits for slow subscribers; a topic without subscribers drops the message.
    /// </summary>
    ValueTask SendAsync<T>(string topic, T message, CancellationToken cancellationToken = default);
}
