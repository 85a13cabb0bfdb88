using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace GraphApi.SampleClient;

/// <summary>
/// The client side of the <c>graphql-transport-ws</c> protocol over <see cref="ClientWebSocket"/>: one connection,
/// connection_init with the bearer token, subscribe, and the <c>next</c> payloads of the operation.
/// </summary>
internal sealed class TransportWsClient : IAsyncDisposable
{
    private const string Protocol = "graphql-transport-ws";
    private readonly ClientWebSocket _socket = new();

    private TransportWsClient()
    {
    }

    /// <summary>Connects and completes the handshake (connection_init → connection_ack).</summary>
    public static async Task<TransportWsClient> ConnectAsync(Uri endpoint, string token, CancellationToken ct)
    {
        var client = new TransportWsClient();
        client._socket.Options.AddSubProtocol(Protocol);
        await client._socket.ConnectAsync(endpoint, ct);
        await client.SendAsync(new { type = "connection_init", payload = new { authorization = "Bearer " + token } }, ct);
        var ack = await client.ReceiveAsync(ct);
        if ((string?)ack?["type"] != "connection_ack")
        {
            throw new InvalidOperationException($"Expected connection_ack, got {ack?.ToJsonString() ?? "a closed socket"}.");
        }

        return client;
    }

    public Task SubscribeAsync(string id, string query, object variables, CancellationToken ct) =>
        SendAsync(new { id, type = "subscribe", payload = new { query, variables } }, ct);

    /// <summary>The data of the next <c>next</c> message for <paramref name="id"/>; throws on <c>error</c> or <c>complete</c>.</summary>
    public async Task<JsonNode> NextAsync(string id, CancellationToken ct)
    {
        while (true)
        {
            var message = await ReceiveAsync(ct) ?? throw new InvalidOperationException($"The server closed the socket ({_socket.CloseStatus}).");
            switch ((string?)message["type"])
            {
                case "ping":
                    await SendAsync(new { type = "pong" }, ct);
                    break;
                case "next" when (string?)message["id"] == id:
                    if (message["payload"]?["errors"] is JsonArray { Count: > 0 } errors)
                    {
                        throw new InvalidOperationException($"Subscription errors: {errors.ToJsonString()}");
                    }

                    return message["payload"]?["data"] ?? throw new InvalidOperationException("A next message without data.");
                case "error" or "complete" when (string?)message["id"] == id:
                    throw new InvalidOperationException($"The subscription ended: {message.ToJsonString()}");
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

    private Task SendAsync(object message, CancellationToken ct) =>
        _socket.SendAsync(JsonSerializer.SerializeToUtf8Bytes(message), WebSocketMessageType.Text, endOfMessage: true, ct);

    private async Task<JsonNode?> ReceiveAsync(CancellationToken ct)
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        WebSocketReceiveResult result;
        do
        {
            result = await _socket.ReceiveAsync(buffer, ct);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return null;
            }

            message.Write(buffer, 0, result.Count);
        }
        while (!result.EndOfMessage);

        return JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()));
    }
}
