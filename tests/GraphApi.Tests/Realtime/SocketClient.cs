using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace GraphApi.Tests.Realtime;

/// <summary>A small GraphQL WebSocket client over the in-process server, for either subprotocol.</summary>
internal sealed class SocketClient : IAsyncDisposable
{
    public const string TransportWs = "graphql-transport-ws";
    public const string LegacyWs = "graphql-ws";

    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(15);
    private readonly WebSocket _socket;

    private SocketClient(WebSocket socket) => _socket = socket;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    public static async Task<SocketClient> ConnectAsync(TestServer server, string protocol, string? upgradeToken = null)
    {
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add(protocol);
        if (upgradeToken is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + upgradeToken;
        }

        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), CancellationToken.None);
        return new SocketClient(socket);
    }

    public Task SendAsync(object message) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, true, CancellationToken.None);

    /// <summary>The next message, skipping keep-alives (ping, ka); null when the server closed the socket.</summary>
    public async Task<JsonNode?> ReceiveAsync(TimeSpan? patience = null)
    {
        while (true)
        {
            var message = await ReceiveRawAsync(patience ?? Patience);
            var type = message?["type"]?.GetValue<string>();
            if (type is "ping")
            {
                await SendAsync(new { type = "pong" });
                continue;
            }

            if (type is "ka")
            {
                continue;
            }

            return message;
        }
    }

    public async Task<JsonNode> ReceiveAsync(string type, TimeSpan? patience = null)
    {
        var message = await ReceiveAsync(patience) ?? throw new InvalidOperationException($"Closed ({CloseStatus}) while waiting for '{type}'.");
        Assert.True(message["type"]?.GetValue<string>() == type, $"Expected '{type}', got {message.ToJsonString()}");
        return message;
    }

    /// <summary>Initialises the connection with an optional bearer token and waits for the ack.</summary>
    public async Task InitAsync(string? token = null)
    {
        await SendAsync(new { type = "connection_init", payload = token is null ? null : new { authorization = "Bearer " + token } });
        await ReceiveAsync("connection_ack");
    }

    private async Task<JsonNode?> ReceiveRawAsync(TimeSpan patience)
    {
        using var timeout = new CancellationTokenSource(patience);
        var buffer = new byte[64 * 1024];
        using var text = new MemoryStream();
        while (true)
        {
            var result = await _socket.ReceiveAsync(buffer, timeout.Token);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            text.Write(buffer, 0, result.Count);
            if (result.EndOfMessage)
            {
                return JsonNode.Parse(Encoding.UTF8.GetString(text.ToArray()));
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        _socket.Dispose();
    }
}
