using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using GraphQL;
using GraphQL.Transport;

namespace GraphApi.Server.WebSockets;

/// <summary>
/// One accepted socket: whole text messages in (size-limited), JSON messages out one at a time, and a close
/// handshake that waits briefly for the client's answer instead of cutting the connection under its close frame.
/// </summary>
internal sealed class WebSocketConnection(WebSocket socket, IGraphQLTextSerializer serializer, int maxMessageBytes) : IDisposable
{
    private static readonly TimeSpan CloseHandshakeGrace = TimeSpan.FromSeconds(2);
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _closing = new();
    private volatile bool _closeSent;

    /// <summary>Whether the server has sent its close frame.</summary>
    public bool IsClosing => _closeSent || socket.State is not WebSocketState.Open;

    /// <summary>The next whole message as text, or <see langword="null"/> once the socket is closed (by either side).</summary>
    public async Task<string?> ReceiveAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _closing.Token);
        var message = new ArrayBufferWriter<byte>();
        try
        {
            while (true)
            {
                var received = await socket.ReceiveAsync(message.GetMemory(4096), linked.Token).ConfigureAwait(false);
                if (received.MessageType == WebSocketMessageType.Close)
                {
                    await AnswerClientCloseAsync().ConfigureAwait(false);
                    return null;
                }

                message.Advance(received.Count);
                if (message.WrittenCount > maxMessageBytes)
                {
                    await CloseAsync(WebSocketCloseStatus.MessageTooBig, $"Messages are limited to {maxMessageBytes} bytes.").ConfigureAwait(false);
                    return null;
                }

                if (received.EndOfMessage)
                {
                    return Encoding.UTF8.GetString(message.WrittenSpan);
                }
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            return null; // the client vanished, the session ended, or it never answered our close frame
        }
    }

    /// <summary>Sends one message; silently does nothing once the socket is closing.</summary>
    public async Task SendAsync(OperationMessage message, CancellationToken ct)
    {
        var bytes = Encoding.UTF8.GetBytes(serializer.Serialize(message));
        await _sendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (!IsClosing)
            {
                await socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // The client went away mid-send; the receive loop notices and ends the session.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Sends the close frame (once) and ends the receive loop when the client does not answer within a grace period.</summary>
    public Task CloseAsync(int closeCode, string reason) => CloseAsync((WebSocketCloseStatus)closeCode, reason);

    private async Task CloseAsync(WebSocketCloseStatus status, string reason)
    {
        await _sendLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!_closeSent && socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                _closeSent = true;
                await socket.CloseOutputAsync(status, reason, CancellationToken.None).ConfigureAwait(false);
            }
        }
        catch (WebSocketException)
        {
            // Already gone.
        }
        finally
        {
            _closing.CancelAfter(CloseHandshakeGrace);
            _sendLock.Release();
        }
    }

    private async Task AnswerClientCloseAsync()
    {
        if (socket.State == WebSocketState.CloseReceived)
        {
            await CloseAsync(socket.CloseStatus ?? WebSocketCloseStatus.NormalClosure, socket.CloseStatusDescription ?? "").ConfigureAwait(false);
        }
    }

    public void Dispose()
    {
        _closing.Dispose();
        _sendLock.Dispose();
    }
}
