using System.Threading.Channels;
using GraphApi.Server.Threading;

namespace GraphApi.Server.PubSub;

/// <summary>
/// One subscriber of the in-process bus: a bounded buffer that drops its oldest message when full, so a slow
/// reader costs bounded memory and never slows the publisher. Messages buffered before disposal are still read.
/// </summary>
internal sealed class InProcessSubscription<T> : ITopicSubscription<T>, IInProcessSubscriber
{
    private readonly Channel<T> _buffer;
    private readonly Action<IInProcessSubscriber> _unsubscribe;
    private CancellationTokenRegistration _cancellation;
    private int _enumerated;
    private int _disposed;

    public InProcessSubscription(string topic, int capacity, Action<IInProcessSubscriber> unsubscribe, Action<string> dropped)
    {
        Topic = topic;
        _unsubscribe = unsubscribe;
        _buffer = Channel.CreateBounded<T>(
            new BoundedChannelOptions(capacity)
            {
                FullMode = BoundedChannelFullMode.DropOldest,
                SingleReader = true,
                SingleWriter = false,
            },
            _ => dropped(topic));
    }

    public string Topic { get; }

    public void Offer<TMessage>(TMessage message)
    {
        if (message is T typed)
        {
            _buffer.Writer.TryWrite(typed);
        }
    }

    /// <summary>Unsubscribes when <paramref name="cancellationToken"/> fires (the caller's subscribe token).</summary>
    public void DisposeWhen(CancellationToken cancellationToken) =>
        _cancellation = cancellationToken.Register(() => _ = DisposeAsync());

    public IAsyncEnumerator<T> GetAsyncEnumerator(CancellationToken cancellationToken = default)
    {
        // One reader per subscription: a second enumeration would silently steal messages from the first.
        if (Interlocked.Exchange(ref _enumerated, 1) == 1)
        {
            throw new InvalidOperationException($"A subscription to '{Topic}' can be enumerated only once.");
        }

        return _buffer.ReadUntilCancelledAsync(cancellationToken).GetAsyncEnumerator(cancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _cancellation.Dispose();
            _unsubscribe(this);
            _buffer.Writer.TryComplete();
        }

        return ValueTask.CompletedTask;
    }
}
