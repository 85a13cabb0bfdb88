using System.Diagnostics;
using System.Net.WebSockets;
using System.Runtime.CompilerServices;
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
                        await SendAsync(Pong, CancellationToken.None);
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
    [AsyncMethodBuilder(typeof(PoolingAsyncValueTaskMethodBuilder<>))] // no task per message
    private async ValueTask<(string? Type, string? Id)> ReceiveAsync(CancellationToken ct)
    {
        var result = await _socket.ReceiveAsync(_buffer.AsMemory(), ct);
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
            result = await _socket.ReceiveAsync(_buffer.AsMemory(), ct);
            text.Write(_buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);
        return Read(text.ToArray());
    }

    /// <summary>
    /// The top-level <c>type</c> and <c>id</c>, read with a forward-only reader that still walks (and so checks) the
    /// whole message, payload included, without building a document; the usual types and ids come back as shared
    /// strings. At 10,000 sockets this client receives 10,000 messages per order: allocating per message made it
    /// collect garbage every order or two, and its pauses (30–90 ms) were measured as delivery latency.
    /// </summary>
    private static (string? Type, string? Id) Read(ReadOnlyMemory<byte> json)
    {
        var reader = new Utf8JsonReader(json.Span);
        string? type = null, id = null;
        reader.Read(); // the message object
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("A graphql-transport-ws message is a JSON object.");
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var isType = reader.ValueTextEquals("type"u8);
            var isId = !isType && reader.ValueTextEquals("id"u8);
            reader.Read();
            if (isType)
            {
                type = Known(ref reader, KnownTypes);
            }
            else if (isId)
            {
                id = Known(ref reader, KnownIds);
            }
            else
            {
                reader.Skip();
            }
        }

        return (type, id);
    }

    // The answer to the server's keep-alive ping (2,000 a second at 10,000 sockets), written once.
    private static readonly byte[] Pong = """{"type":"pong"}"""u8.ToArray();

    private static readonly string[] KnownTypes = ["next", "ping", "pong", "error", "complete", "connection_ack"];

    private static readonly string[] KnownIds = [FanOutRun.OperationId];

    /// <summary>The string value at the reader, as one of <paramref name="known"/> when it is one of them.</summary>
    private static string? Known(ref Utf8JsonReader reader, string[] known)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            return null;
        }

        foreach (var candidate in known)
        {
            if (reader.ValueTextEquals(candidate))
            {
                return candidate;
            }
        }

        return reader.GetString();
    }

    private Task SendAsync(object message, CancellationToken ct) => SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), ct);

    private async Task SendAsync(byte[] bytes, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _socket.SendAsync(bytes.AsMemory(), WebSocketMessageType.Text, endOfMessage: true, ct);
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
