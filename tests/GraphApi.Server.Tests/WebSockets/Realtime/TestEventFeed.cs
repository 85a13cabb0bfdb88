namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>A test-controlled event source of numbers that counts its subscribers (to prove nothing leaks).</summary>
internal sealed class TestEventFeed : TestFeed<int>;

/// <summary>A test-controlled event source that counts its subscribers; every subscriber gets the same instance.</summary>
internal class TestFeed<T> : IObservable<T>
{
    private readonly Lock _gate = new();
    private readonly List<IObserver<T>> _observers = [];

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

    public IDisposable Subscribe(IObserver<T> observer)
    {
        lock (_gate)
        {
            _observers.Add(observer);
        }

        return new Unsubscriber(this, observer);
    }

    public void Publish(T value)
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

    public void Fail(Exception error)
    {
        foreach (var observer in Snapshot())
        {
            observer.OnError(error);
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

    private IObserver<T>[] Snapshot()
    {
        lock (_gate)
        {
            return [.. _observers];
        }
    }

    private sealed class Unsubscriber(TestFeed<T> feed, IObserver<T> observer) : IDisposable
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
