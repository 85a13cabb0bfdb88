using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using GraphQL;
using GraphQL.Transport;

namespace GraphApi.Server.WebSockets;

/// <summary>
/// One accepted socket: whole text messages in (size-limited); messages out through a queue bounded by bytes, drained
/// in order by one writer at a time (the producer that finds the queue idle sends inline for as long as sends complete
/// at once, so a fan-out to thousands of sockets costs no thread-pool hop per socket; a send that must wait continues
/// in the background); a close handshake that waits briefly for the client's answer instead of cutting the
/// connection under its close frame. A client that takes no message within the send timeout (it stopped reading,
/// and senders wait for room in the full queue) is closed with 1008.
/// </summary>
internal sealed class WebSocketConnection : IAsyncDisposable
{
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(2);
    private readonly WebSocket _socket;
    private readonly IGraphQLTextSerializer _serializer;
    private readonly GraphQLWebSocketOptions _options;
    private readonly Lock _gate = new();
    private readonly Queue<OutboundBytes> _pending = new();
    private readonly SemaphoreSlim _producer = new(1, 1);
    private readonly SemaphoreSlim _drained = new(0);
    private readonly TaskCompletionSource _closeSent = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // Fires once the server decides to close: operations stop producing.
    private readonly CancellationTokenSource _closeRequested = new();

    // Fires a grace period after the close request: ends the receive loop and any send still stuck.
    private readonly CancellationTokenSource _closing = new();

    // Fires when one message waited longer than the send timeout for the client to take it.
    private readonly CancellationTokenSource _stalled = new();
    private Task _drain = Task.CompletedTask;
    private bool _draining;
    private long _queuedBytes;
    private (WebSocketCloseStatus Status, string Reason)? _close;

    // Written only by the producer holding _producer's turn.
    private EnvelopePrefix _envelope;

    public WebSocketConnection(WebSocket socket, IGraphQLTextSerializer serializer, GraphQLWebSocketOptions options)
    {
        _socket = socket;
        _serializer = serializer;
        _options = options;
        _stalled.Token.Register(static connection => ((WebSocketConnection)connection!).OnStalled(), this);

        // Sends take no token: with one, ManagedWebSocket leaves its fast path for a lock wait, a registration and a
        // state machine per message (a fan-out pays that per subscriber and event). A send still stuck when the close
        // grace runs out (or at disposal) ends the way a cancelled one would: the socket is aborted.
        _closing.Token.UnsafeRegister(static socket => AbortUnlessClosed((WebSocket)socket!), socket);
    }

    /// <summary>Fires when the server decides to close; nothing more can be sent then.</summary>
    public CancellationToken CloseRequested => _closeRequested.Token;

    /// <summary>
    /// The next whole message as text, or <see langword="null"/> once the socket is closed (by either side, or by the
    /// grace period after the server's close request running out).
    /// </summary>
    public async Task<string?> ReceiveAsync()
    {
        try
        {
            // Wait for the next frame without a buffer: most sockets idle most of the time, and then hold no array.
            var first = await _socket.ReceiveAsync(Memory<byte>.Empty, _closing.Token).ConfigureAwait(false);
            if (first.MessageType == WebSocketMessageType.Close)
            {
                await AnswerClientCloseAsync().ConfigureAwait(false);
                return null;
            }

            return first.EndOfMessage ? "" : await ReceiveRestAsync(_closing.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            return null; // the client vanished, the session ended, or it never answered our close frame
        }
    }

    /// <summary>The rest of a message whose first frame arrived, in pooled buffers returned before this returns.</summary>
    private async Task<string?> ReceiveRestAsync(CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent(4096);
        var length = 0;
        try
        {
            while (true)
            {
                if (length == buffer.Length)
                {
                    var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                    buffer.AsSpan(0, length).CopyTo(larger);
                    ArrayPool<byte>.Shared.Return(buffer);
                    buffer = larger;
                }

                var received = await _socket.ReceiveAsync(buffer.AsMemory(length), cancellationToken).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerClientCloseAsync().ConfigureAwait(false);
                    return null;
                }

                length += received.Count;
                if (length > _options.MaxMessageBytes)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {_options.MaxMessageBytes} bytes.").ConfigureAwait(false);
                    return null;
                }

                if (received.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(buffer, 0, length);
                }
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    /// <summary>
    /// Queues one message for the client; does nothing once the socket is closing. While
    /// <see cref="GraphQLWebSocketOptions.MaxOutboundQueueBytes"/> wait for the client, a message waits for room
    /// before it is serialized, so a slow client costs bounded memory (subscriptions then drop their oldest events)
    /// and never makes the server hold serialized results it cannot send. One message is always accepted when
    /// nothing else waits, however large.
    /// </summary>
    public async Task EnqueueAsync(OperationMessage message, CancellationToken cancellationToken)
    {
        // A linked token only when something must be waited for: a fan-out enqueues to thousands of idle queues at once.
        CancellationTokenSource? stop = null;
        try
        {
            if (!_producer.Wait(0))
            {
                stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closeRequested.Token);
                try
                {
                    // One message at a time takes its place, in arrival order.
                    await _producer.WaitAsync(stop.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_closeRequested.IsCancellationRequested)
                {
                    return;
                }
            }

            try
            {
                while (Volatile.Read(ref _queuedBytes) >= _options.MaxOutboundQueueBytes)
                {
                    stop ??= CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _closeRequested.Token);
                    await _drained.WaitAsync(stop.Token).ConfigureAwait(false);
                }

                // The slot is ours: only now does the message become bytes.
                var bytes = OperationMessageBytes.Of(message, _serializer, ref _envelope);
                bool drain;
                lock (_gate)
                {
                    if (_close is not null)
                    {
                        bytes.Release();
                        return;
                    }

                    _pending.Enqueue(bytes);
                    _queuedBytes += bytes.Length;
                    drain = TakeWriterTurn();
                }

                if (drain)
                {
                    StartDrain();
                }
            }
            catch (OperationCanceledException) when (_closeRequested.IsCancellationRequested)
            {
                // Closing: nothing more goes out.
            }
            finally
            {
                _producer.Release();
            }
        }
        finally
        {
            stop?.Dispose();
        }
    }

    /// <summary>Sends the close frame (once) after the messages already queued; completes when it is sent or the connection is gone.</summary>
    public Task CloseAsync(int closeCode, string reason) => CloseAsync((WebSocketCloseStatus)closeCode, reason);

    private Task CloseAsync(WebSocketCloseStatus status, string reason, bool discardPending = false)
    {
        bool drain;
        lock (_gate)
        {
            if (_close is not null)
            {
                return _closeSent.Task;
            }

            _close = (status, reason);
            if (discardPending)
            {
                DiscardPending();
            }

            drain = TakeWriterTurn();
        }

        if (drain)
        {
            StartDrain();
        }

        OnCloseRequested();
        return _closeSent.Task;
    }

    private void OnCloseRequested()
    {
        _closing.CancelAfter(CloseHandshakeGrace);
        _closeRequested.Cancel();
    }

    /// <summary>Under <see cref="_gate"/>: true when nobody is writing, and the caller now is.</summary>
    private bool TakeWriterTurn()
    {
        if (_draining)
        {
            return false;
        }

        _draining = true;
        return true;
    }

    // Runs inline up to the first send that has to wait; the rest continues in the background.
    private void StartDrain() => Volatile.Write(ref _drain, DrainAsync());

    /// <summary>Sends what is queued, in order, then the close frame once requested; gives the turn back when idle.</summary>
    private async Task DrainAsync()
    {
        var ends = true; // unless the queue runs empty: the close frame went out, the socket failed, or something threw
        try
        {
            while (true)
            {
                OutboundBytes next;
                bool hasNext;
                (WebSocketCloseStatus Status, string Reason)? close;
                lock (_gate)
                {
                    hasNext = _pending.TryDequeue(out next);
                    close = _close;
                    if (!hasNext && close is null)
                    {
                        _draining = false;
                        ends = false;
                        return;
                    }
                }

                if (hasNext)
                {
                    try
                    {
                        await SendWithTimeoutAsync(next.Memory).ConfigureAwait(false);
                    }
                    finally
                    {
                        next.Release();
                    }

                    lock (_gate)
                    {
                        _queuedBytes -= next.Length;
                    }

                    if (_drained.CurrentCount == 0)
                    {
                        _drained.Release(); // a producer waiting for room checks again
                    }
                }
                else
                {
                    if (_socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
                    {
                        await _socket.CloseOutputAsync(close!.Value.Status, close.Value.Reason, _closing.Token).ConfigureAwait(false);
                    }

                    return;
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
        {
            // The client went away, never read within the send timeout, or the grace after our close passed.
        }
        finally
        {
            if (ends)
            {
                await EndAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>Nothing will drain the queue any more: later messages are dropped, not kept; waiting senders are released.</summary>
    private async Task EndAsync()
    {
        lock (_gate)
        {
            _close ??= (WebSocketCloseStatus.EndpointUnavailable, "The connection is gone.");
            _draining = true; // for good: nobody takes a turn again
            DiscardPending();
        }

        try
        {
            await _closeRequested.CancelAsync().ConfigureAwait(false);
        }
        catch (ObjectDisposedException)
        {
            // A writer that started while the connection was being disposed: everything is released already.
        }

        _closeSent.TrySetResult();
    }

    /// <summary>Under <see cref="_gate"/>: drops the queued messages, giving their arrays back.</summary>
    private void DiscardPending()
    {
        while (_pending.TryDequeue(out var dropped))
        {
            dropped.Release();
        }
    }

    private async Task SendWithTimeoutAsync(ReadOnlyMemory<byte> message)
    {
        // A client that has not taken one message within the send timeout stopped reading: close with 1008 (see
        // OnStalled). The send goes on so the close frame can follow it should the client read again; the grace
        // period after the close request then cancels it (which aborts the socket) if it does not. The timer is armed
        // only for a send that waits: most complete at once into Kestrel's buffer, and a fan-out to thousands of
        // sockets would otherwise re-arm thousands of timers per event.
        var send = _socket.SendAsync(message, WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);
        if (send.IsCompletedSuccessfully)
        {
            return;
        }

        _stalled.CancelAfter(_options.SendTimeout);
        await send.ConfigureAwait(false);
        _stalled.CancelAfter(Timeout.InfiniteTimeSpan);
    }

    private static void AbortUnlessClosed(WebSocket socket)
    {
        if (socket.State is not (WebSocketState.Closed or WebSocketState.Aborted))
        {
            socket.Abort();
        }
    }

    private void OnStalled() => _ = CloseAsync(
        WebSocketCloseStatus.PolicyViolation, "The client stopped reading; messages waited too long for it.", discardPending: true);

    private async Task AnswerClientCloseAsync()
    {
        if (_socket.State == WebSocketState.CloseReceived)
        {
            await CloseAsync(_socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, _socket.CloseStatusDescription ?? "").ConfigureAwait(false);
        }
    }

    /// <summary>Stops the writer (aborting a send still pending) and releases the connection's resources.</summary>
    public async ValueTask DisposeAsync()
    {
        await _closing.CancelAsync().ConfigureAwait(false); // aborts a send still pending
        await Volatile.Read(ref _drain).ConfigureAwait(false);
        await EndAsync().ConfigureAwait(false); // when idle, no writer was there to end it
        _closing.Dispose();
        _stalled.Dispose();
        _closeRequested.Dispose();
        _producer.Dispose();
        _drained.Dispose();
    }
}
