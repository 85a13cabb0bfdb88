namespace GraphApi.Server.PubSub;

/// <summary>
/// One active subscription: enumerate it (once) to read messages in the order they were sent; dispose it to
/// unsubscribe. Enumeration ends when the subscription is disposed.
/// </summary>
public interface ITopicSubscription<out T> : IAsyncEnumerable<T>, IAsyncDisposable
{
    /// <summary>The topic this subscription listens to.</summary>
    string Topic { get; }
}
