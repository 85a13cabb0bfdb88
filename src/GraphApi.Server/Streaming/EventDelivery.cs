using GraphQL;

namespace GraphApi.Server.Streaming;

/// <summary>
/// Hands a subscription's results to its sink, in order. A result that finds the sink idle is handed over at once, on
/// the thread that produced it: a fan-out to thousands of sockets costs no thread-pool hop per socket here. A result
/// that arrives while an earlier one is still being sent waits in a buffer of bounded length that drops its oldest
/// result when full, so a slow client costs bounded memory and never holds up the event source.
/// </summary>
/// <remarks>
/// Event-stream errors end the stream like its completion (the transports have no message for them); they are
/// passed to <paramref name="streamFailed"/> first.
/// </remarks>
internal sealed class EventDelivery(
    IOperationSink sink, int capacity, CancellationToken cancellationToken, Action dropped, Action<Exception> streamFailed)
    : IObserver<ExecutionResult>
{
    private readonly Lock _gate = new();
    private readonly TaskCompletionSource _ended = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Created when a result first has to wait: most subscribers never do.
    private Queue<ExecutionResult>? _waiting;
    private bool _sending;
    private bool _streamEnded;

    /// <summary>
    /// Completes once the stream has ended and every result before its end went to the sink; cancelled when
    /// <see cref="Cancel"/> stops the delivery; faulted when the sink failed.
    /// </summary>
    public Task Ended => _ended.Task;

    public void OnNext(ExecutionResult value)
    {
        lock (_gate)
        {
            if (_streamEnded || _ended.Task.IsCompleted)
            {
                return;
            }

            if (_sending)
            {
                Wait(value);
                return;
            }

            _sending = true;
        }

        Send(value);
    }

    public void OnError(Exception error)
    {
        streamFailed(error);
        EndStream();
    }

    public void OnCompleted() => EndStream();

    /// <summary>Stops delivering: nothing more goes to the sink, and <see cref="Ended"/> is cancelled.</summary>
    public void Cancel() => _ended.TrySetCanceled(cancellationToken);

    private void EndStream()
    {
        lock (_gate)
        {
            _streamEnded = true;
            if (_sending)
            {
                return; // the sender signals the end once the results before it are out
            }
        }

        _ended.TrySetResult();
    }

    /// <summary>Under the gate: buffers a result behind the one being sent, dropping the oldest when full.</summary>
    private void Wait(ExecutionResult value)
    {
        _waiting ??= new Queue<ExecutionResult>(Math.Min(capacity, 4));
        if (_waiting.Count >= capacity)
        {
            _waiting.Dequeue();
            dropped();
        }

        _waiting.Enqueue(value);
    }

    /// <summary>Sends for as long as sends complete at once; a send that has to wait continues in the background.</summary>
    private void Send(ExecutionResult value)
    {
        do
        {
            ValueTask sending;
            try
            {
                sending = sink.NextAsync(value, cancellationToken);
                if (!sending.IsCompletedSuccessfully)
                {
                    _ = SendAfterAsync(sending);
                    return;
                }

                sending.GetAwaiter().GetResult();
            }
            catch (Exception error)
            {
                Fail(error);
                return;
            }
        }
        while (TryTakeNext(out value));
    }

    private async Task SendAfterAsync(ValueTask sending)
    {
        try
        {
            await sending.ConfigureAwait(false);
            while (TryTakeNext(out var value))
            {
                await sink.NextAsync(value, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (Exception error)
        {
            Fail(error);
        }
    }

    /// <summary>The next waiting result; else the sender's turn ends here (and a stream that ended is reported ended).</summary>
    private bool TryTakeNext(out ExecutionResult value)
    {
        bool streamEnded;
        lock (_gate)
        {
            if (_waiting is { Count: > 0 } waiting && !_ended.Task.IsCompleted)
            {
                value = waiting.Dequeue();
                return true;
            }

            _sending = false;
            streamEnded = _streamEnded;
        }

        value = null!;
        if (streamEnded)
        {
            _ended.TrySetResult();
        }

        return false;
    }

    private void Fail(Exception error)
    {
        lock (_gate)
        {
            _sending = false;
            _waiting?.Clear();
        }

        _ended.TrySetException(error);
    }
}
