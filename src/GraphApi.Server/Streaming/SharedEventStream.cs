using GraphQL;

namespace GraphApi.Server.Streaming;

/// <summary>
/// A subscription's results, in the order of its source's notifications. Each event is mapped as soon as it arrives
/// (mappings may overlap, as in GraphQL.NET's own stream); a result that is ready at once goes out on the source's
/// thread, with no queue node, closure or task per event. Disposing stops the source and silences everything pending.
/// </summary>
/// <param name="source">The field's source stream.</param>
/// <param name="next">Maps one event to its result; given the subscription's cancellation.</param>
/// <param name="error">Maps the source's failure to the error the observer receives.</param>
internal sealed class SharedEventStream(
    IObservable<object?> source,
    Func<object?, CancellationToken, ValueTask<ExecutionResult>> next,
    Func<Exception, CancellationToken, Task<ExecutionError>> error) : IObservable<ExecutionResult>
{
    public IDisposable Subscribe(IObserver<ExecutionResult> observer)
    {
        var relay = new Relay(observer, next, error);
        relay.Attach(source.Subscribe(relay));
        return relay;
    }

    private sealed class Relay : IObserver<object?>, IDisposable
    {
        private readonly IObserver<ExecutionResult> _observer;
        private readonly Func<object?, CancellationToken, ValueTask<ExecutionResult>> _next;
        private readonly Func<Exception, CancellationToken, Task<ExecutionError>> _error;

        // Never disposed: it has no timer, and pending executions may still read its token after the relay stopped.
        private readonly CancellationTokenSource _stop = new();
        private readonly CancellationToken _stopped;
        private readonly Lock _gate = new();

        // Notifications not passed on yet, oldest first; one deliverer at a time drains them.
        private readonly Queue<Pending> _pending = new();
        private bool _delivering;
        private IDisposable? _source;

        public Relay(
            IObserver<ExecutionResult> observer,
            Func<object?, CancellationToken, ValueTask<ExecutionResult>> next,
            Func<Exception, CancellationToken, Task<ExecutionError>> error)
        {
            _observer = observer;
            _next = next;
            _error = error;
            _stopped = _stop.Token;
        }

        public void Attach(IDisposable subscription)
        {
            Volatile.Write(ref _source, subscription);
            if (_stopped.IsCancellationRequested)
            {
                Interlocked.Exchange(ref _source, null)?.Dispose(); // disposed while subscribing
            }
        }

        public void OnNext(object? value)
        {
            if (_stopped.IsCancellationRequested)
            {
                return;
            }

            ValueTask<ExecutionResult> mapped;
            try
            {
                mapped = _next(value, _stopped);
            }
            catch (Exception exception)
            {
                mapped = ValueTask.FromException<ExecutionResult>(exception);
            }

            Enqueue(new Pending(PendingKind.Next, mapped, null));
        }

        public void OnError(Exception exception)
        {
            if (!_stopped.IsCancellationRequested)
            {
                Enqueue(new Pending(PendingKind.Error, default, _error(exception, _stopped)));
            }
        }

        public void OnCompleted() => Enqueue(new Pending(PendingKind.Completed, default, null));

        public void Dispose()
        {
            if (_stopped.IsCancellationRequested)
            {
                return;
            }

            _stop.Cancel();
            Interlocked.Exchange(ref _source, null)?.Dispose();
        }

        private void Enqueue(Pending pending)
        {
            lock (_gate)
            {
                _pending.Enqueue(pending);
                if (_delivering)
                {
                    return;
                }

                _delivering = true;
            }

            _ = DeliverAsync();
        }

        /// <summary>Passes the queued notifications on in order; completes synchronously while their results are ready.</summary>
        private async Task DeliverAsync()
        {
            while (true)
            {
                Pending pending;
                lock (_gate)
                {
                    if (!_pending.TryDequeue(out pending))
                    {
                        _delivering = false;
                        return;
                    }
                }

                switch (pending.Kind)
                {
                    case PendingKind.Next:
                        ExecutionResult result;
                        try
                        {
                            result = await pending.Next.ConfigureAwait(false);
                        }
                        catch (Exception exception)
                        {
                            Fail(exception);
                            break;
                        }

                        if (!_stopped.IsCancellationRequested)
                        {
                            _observer.OnNext(result);
                        }

                        break;
                    case PendingKind.Error:
                        Exception failure;
                        try
                        {
                            failure = await pending.Error!.ConfigureAwait(false);
                        }
                        catch (Exception exception)
                        {
                            failure = exception;
                        }

                        Fail(failure);
                        break;
                    default:
                        if (!_stopped.IsCancellationRequested)
                        {
                            _observer.OnCompleted();
                        }

                        break;
                }
            }
        }

        private void Fail(Exception exception)
        {
            if (!_stopped.IsCancellationRequested)
            {
                _observer.OnError(exception);
            }
        }
    }

    private enum PendingKind
    {
        Next,
        Error,
        Completed,
    }

    private readonly record struct Pending(PendingKind Kind, ValueTask<ExecutionResult> Next, Task<ExecutionError>? Error);
}
