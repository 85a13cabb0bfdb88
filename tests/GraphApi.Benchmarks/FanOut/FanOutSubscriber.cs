using System.Diagnostics;
using System.Net.WebSockets;
using System.Text.Json;

namespace GraphApi.Benchmarks.FanOut;

/// <summary>
/// One graphql-transport-ws client socket: initialised with the admin token, then a receive loop that answers the
/// server's pings and stamps the arrival of each <c>next</c> of the operation being measured.
/// </summary>
internal sealed class FanOutSubscriber : IDisposable
{
    private const string Protocol = "graphql-transport-ws";

    private readonly ClientWebSocket _socket;
    private readonly int _index;
    private readonly Func<FanOutDelivery?> _currentDelivery;
    private readonly SemaphoreSlim _sendLock = new(1, 1); // a ClientWebSocket allows one send at a time
    private readonly byte[] _buffer = new byte[4096];

    private FanOutSubscriber(ClientWebSocket socket, int index, Func<FanOutDelivery?> currentDelivery)
    {
        _socket = socket;
        _index = index;
        _currentDelivery = currentDelivery;
    }

    public static async Task<FanOutSubscriber> ConnectAsync(
        Uri endpoint, HttpMessageInvoker invoker, string token, int index, Func<FanOutDelivery?> currentDelivery, CancellationToken ct)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(Protocol);
        socket.Options.KeepAliveInterval = TimeSpan.Zero; // the server's graphql pings are the keep-alive
        await socket.ConnectAsync(endpoint, invoker, ct);
        var subscriber = new FanOutSubscriber(socket, index, currentDelivery);
        await subscriber.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } }, ct);
        var (type, _) = await subscriber.ReceiveAsync(ct);
        if (type != "connection_ack")
        {
            var closeStatus = (int?)socket.CloseStatus;
            socket.Dispose();
            throw new InvalidOperationException($"Socket {index}: expected connection_ack, got '{type}' (close {closeStatus}).");
        }

        _ = subscriber.ReceiveLoopAsync();
        return subscriber;
    }

    public Task SubscribeAsync(string operationId, string query, CancellationToken ct) =>
        SendAsync(new { id = operationId, type = "subscribe", payload = new { query } }, ct);

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (true)
            {
                var (type, id) = await ReceiveAsync(CancellationToken.None);
                var arrivedAt = Stopwatch.GetTimestamp();
                var delivery = _currentDelivery();
                switch (type)
                {
                    case "ping":
                        await SendAsync(new { type = "pong" }, CancellationToken.None);
                        break;
                    case "next" when delivery is not null && id == delivery.OperationId:
                        delivery.Arrive(_index, arrivedAt);
                        break;
                    case "error" or "complete" or null when delivery is not null:
                        delivery.Fail(_index, type is null ? $"socket closed ({_socket.CloseStatus})" : $"unexpected '{type}'");
                        break;
                }

                if (type is null)
                {
                    return;
                }
            }
        }
        catch (Exception error) when (error is WebSocketException or ObjectDisposedException or OperationCanceledException)
        {
            _currentDelivery()?.Fail(_index, error.Message); // aborted at the end of the run, or a broken connection
        }
    }

    /// <summary>The type and id of the next message; (null, null) when the server closed the socket.</summary>
    private async Task<(string? Type, string? Id)> ReceiveAsync(CancellationToken ct)
    {
        var result = await _socket.ReceiveAsync(_buffer, ct);
        if (result.MessageType == WebSocketMessageType.Close)
        {
            return (null, null);
        }

        if (result.EndOfMessage)
        {
            return Read(_buffer.AsMemory(0, result.Count));
        }

        // Rare: a message larger than the buffer (an error with a long message); gather it.
        using var text = new MemoryStream();
        text.Write(_buffer, 0, result.Count);
        do
        {
            result = await _socket.ReceiveAsync(_buffer, ct);
            text.Write(_buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Read(text.ToArray());
    }

    private static (string? Type, string? Id) Read(ReadOnlyMemory<byte> json)
    {
        using var message = JsonDocument.Parse(json);
        var root = message.RootElement;
        return (
            root.TryGetProperty("type", out var type) ? type.GetString() : null,
            root.TryGetProperty("id", out var id) ? id.GetString() : null);
    }

    private async Task SendAsync(object message, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(message);
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Aborts rather than closing politely: the server is stopped right after, and 10,000 handshakes add nothing.</summary>
    public void Dispose()
    {
        _socket.Abort();
        _socket.Dispose();
        _sendLock.Dispose();
    }
}
