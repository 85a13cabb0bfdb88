namespace GraphApi.Server.PubSub.Redis;

/// <summary>
/// A local subscription of the Redis bus: reads from its bounded in-process buffer and, when disposed, also lets go
/// of its share of the topic's Redis channel.
/// </summary>
internal sealed class RedisTopicSubscription<T>(ITopicSubscription<T> local, Func<Task> release) : ITopicSubscription<T>
{
    private CancellationTokenRegistration _cancellation;
    private int _disposed;

    public string Topic => local.Topic;

    /// <summary>Unsubscribes when <paramref name="cancellationToken"/> fires (the caller's subscribe token).</summary>
    public void DisposeWhen(CancellationToken cancellationToken) =>
        _cancellation = cancellationToken.Register(() => _ = DisposeAsync());

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default) =>
        local.GetAsyncEnumerator(cancellationToken);

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _cancellation.Dispose();
        await local.DisposeAsync().ConfigureAwait(false);
        await release().ConfigureAwait(false);
    }
}
