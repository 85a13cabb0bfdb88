using System.Net.WebSockets;
using System.Text;
using System.Text.Json.Nodes;

namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>A raw <see cref="ClientWebSocket"/> driver: send JSON messages, receive them, observe the close code.</summary>
internal sealed class WsTestClient : IAsyncDisposable
{
    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(10);
    private readonly ClientWebSocket _socket = new();

    public string? SubProtocol => _socket.SubProtocol;

    public static async Task<WsTestClient> ConnectAsync(Uri address, string subProtocol)
    {
        var client = new WsTestClient();
        client._socket.Options.AddSubProtocol(subProtocol);
        await client._socket.ConnectAsync(address, CancellationToken.None);
        return client;
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendAsync(JsonObject message) => SendAsync(message.ToJsonString());

    /// <summary>The next message; fails when the socket closes or nothing arrives in time.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        var text = await ReceiveTextAsync(timeout ?? DefaultTimeout);
        Assert.True(text is not null, $"Expected a message, but the socket closed with {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}.");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The next message of <paramref name="type"/>, skipping keep-alives (<c>ka</c>, <c>ping</c>).</summary>
    public async Task<JsonObject> ReceiveSkippingKeepAliveAsync(string type)
    {
        while (true)
        {
            var message = await ReceiveAsync();
            var received = (string)message["type"]!;
            if (received is not ("ka" or "ping") || type == received)
            {
                Assert.Equal(type, received);
                return message;
            }
        }
    }

    /// <summary>Reads until the server closes; returns its close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        while (await ReceiveTextAsync(timeout ?? DefaultTimeout) is not null)
        {
        }

        return ((int)_socket.CloseStatus!, _socket.CloseStatusDescription);
    }

    public Task CloseAsync() => _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);

    private async Task<string?> ReceiveTextAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cts.Token);
            if (received.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, received.Count);
            if (received.EndOfMessage)
            {
                return Encoding.UTF8.GetString(message.ToArray());
            }
        }
    }

    public ValueTask DisposeAsync()
    {
        _socket.Dispose();
        return ValueTask.CompletedTask;
    }
}
