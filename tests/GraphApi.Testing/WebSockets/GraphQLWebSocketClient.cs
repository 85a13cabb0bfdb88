using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.TestHost;

namespace GraphApi.Testing;

/// <summary>
/// A GraphQL WebSocket client for tests, for either subprotocol, over a real socket (<see cref="ClientWebSocket"/>)
/// or an in-process <see cref="TestServer"/>: send JSON messages, receive them, observe the close code.
/// </summary>
public sealed class GraphQLWebSocketClient : IAsyncDisposable
{
    public const string TransportWs = "graphql-transport-ws";
    public const string LegacyWs = "graphql-ws";

    private static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(15);
    private readonly WebSocket _socket;

    /// <summary>In-process sockets close with a handshake so the server ends the session at once; real ones abort.</summary>
    private readonly bool _closeOnDispose;

    private GraphQLWebSocketClient(WebSocket socket, bool closeOnDispose) => (_socket, _closeOnDispose) = (socket, closeOnDispose);

    public string? SubProtocol => _socket.SubProtocol;

    public WebSocketCloseStatus? CloseStatus => _socket.CloseStatus;

    /// <summary>Connects over the network to <paramref name="address"/> (a <c>ws://</c> URL).</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync(Uri address, string subProtocol)
    {
        var socket = new ClientWebSocket();
        socket.Options.AddSubProtocol(subProtocol);
        try
        {
            await socket.ConnectAsync(address, CancellationToken.None);
        }
        catch
        {
            socket.Dispose();
            throw;
        }

        return new GraphQLWebSocketClient(socket, closeOnDispose: false);
    }

    /// <summary>Connects in process to <paramref name="server"/>'s <c>/graphql</c>, optionally with a bearer token on the upgrade request.</summary>
    public static async Task<GraphQLWebSocketClient> ConnectAsync(TestServer server, string subProtocol, string? upgradeToken = null)
    {
        var client = server.CreateWebSocketClient();
        client.SubProtocols.Add(subProtocol);
        if (upgradeToken is not null)
        {
            client.ConfigureRequest = request => request.Headers.Authorization = "Bearer " + upgradeToken;
        }

        var socket = await client.ConnectAsync(new Uri(server.BaseAddress, "graphql"), CancellationToken.None);
        return new GraphQLWebSocketClient(socket, closeOnDispose: true);
    }

    public Task SendAsync(string json) =>
        _socket.SendAsync(Encoding.UTF8.GetBytes(json), WebSocketMessageType.Text, endOfMessage: true, CancellationToken.None);

    public Task SendAsync(JsonObject message) => SendAsync(message.ToJsonString());

    /// <summary>Sends <paramref name="message"/> (an anonymous object, say) serialized as JSON.</summary>
    public Task SendAsync(object message) => SendAsync(JsonSerializer.Serialize(message));

    /// <summary>Initialises the connection with an optional bearer token and waits for the ack.</summary>
    public async Task InitAsync(string? token = null)
    {
        await SendAsync(new { type = "connection_init", payload = token is null ? null : new { authorization = "Bearer " + token } });
        await ReceiveAsync("connection_ack");
    }

    /// <summary>The next message, keep-alives included; fails when the socket closes or nothing arrives in time.</summary>
    public async Task<JsonObject> ReceiveAsync(TimeSpan? timeout = null)
    {
        var text = await ReceiveTextAsync(timeout ?? DefaultTimeout);
        Assert.True(text is not null, $"Expected a message, but the socket closed with {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}.");
        return JsonNode.Parse(text)!.AsObject();
    }

    /// <summary>The next message as the server sent it (keep-alives included), to compare bytes.</summary>
    public async Task<string> ReceiveRawAsync(TimeSpan? timeout = null)
    {
        var text = await ReceiveTextAsync(timeout ?? DefaultTimeout);
        Assert.True(text is not null, $"Expected a message, but the socket closed with {(int?)_socket.CloseStatus} {_socket.CloseStatusDescription}.");
        return text;
    }

    /// <summary>
    /// The next message, which must be of <paramref name="type"/>; keep-alives (<c>ka</c>, and <c>ping</c>, answered
    /// with <c>pong</c>) are skipped unless they are what is asked for.
    /// </summary>
    public async Task<JsonObject> ReceiveAsync(string type, TimeSpan? timeout = null)
    {
        while (true)
        {
            var message = await ReceiveAsync(timeout);
            var received = (string?)message["type"];
            if (received == type)
            {
                return message;
            }

            if (received is "ping")
            {
                await SendAsync(new { type = "pong" });
            }
            else if (received is not "ka")
            {
                Assert.Fail($"Expected '{type}', got {message.ToJsonString()}");
            }
        }
    }

    /// <summary>Reads until the server closes, skipping whatever it still sends; returns its close code and reason.</summary>
    public async Task<(int Code, string? Reason)> ReceiveCloseAsync(TimeSpan? timeout = null)
    {
        while (await ReceiveTextAsync(timeout ?? DefaultTimeout) is not null)
        {
        }

        return ((int)_socket.CloseStatus!, _socket.CloseStatusDescription);
    }

    public Task CloseAsync() => _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        if (_closeOnDispose && _socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, "done", CancellationToken.None);
        }

        _socket.Dispose();
    }

    private async Task<string?> ReceiveTextAsync(TimeSpan timeout)
    {
        using var cancellation = new CancellationTokenSource(timeout);
        var buffer = new byte[64 * 1024];
        using var message = new MemoryStream();
        while (true)
        {
            var received = await _socket.ReceiveAsync(buffer, cancellation.Token);
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
}
