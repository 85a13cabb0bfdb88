namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>A test-controlled event source that counts its subscribers (to prove nothing leaks).</summary>
internal sealed class TestEventFeed : IObservable<int>
{
    private readonly Lock _gate = new();
    private readonly List<IObserver<int>> _observers = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _observers.Count;
            }
        }
    }

    public IDisposable Subscribe(IObserver<int> observer)
    {
        lock (_gate)
        {
            _observers.Add(observer);
        }

        return new Unsubscriber(this, observer);
    }

    public void Publish(int value)
    {
        foreach (var observer in Snapshot())
        {
            observer.OnNext(value);
        }
    }

    public void Complete()
    {
        foreach (var observer in Snapshot())
        {
            observer.OnCompleted();
        }
    }

    /// <summary>Waits until <paramref name="count"/> subscribers are attached (subscribing is asynchronous).</summary>
    public async Task WaitForSubscribersAsync(int count, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (SubscriberCount != count)
        {
            Assert.True(DateTime.UtcNow < deadline, $"Expected {count} subscribers, have {SubscriberCount}.");
            await Task.Delay(10);
        }
    }

    private IObserver<int>[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _observers];
        }
    }

    private sealed class Unsubscriber(TestEventFeed feed, IObserver<int> observer) : IDisposable
    {
        public void Dispose()
        {
            lock (feed._gate)
            {
                feed._observers.Remove(observer);
            }
        }
    }
}
