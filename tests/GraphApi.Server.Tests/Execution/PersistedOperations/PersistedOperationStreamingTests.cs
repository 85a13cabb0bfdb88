using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Server.Tests.WebSockets;

namespace GraphApi.Server.Tests.Execution.PersistedOperations;

/// <summary>The same request shapes inside WebSocket <c>subscribe</c>/<c>start</c> payloads and SSE requests.</summary>
public sealed class PersistedOperationStreamingTests
{
    [Fact]
    public async Task A_graphql_transport_ws_subscribe_with_documentId_streams_the_trusted_subscription()
    {
        await using var host = await PersistedHost.StartAsync(o => o.OnlyPersisted = true);
        await using var client = await TransportWsProtocolTests.ConnectAndInitAsync(host.Realtime);

        await client.SendAsync($$$"""{"id":"s1","type":"subscribe","payload":{"documentId":"sha256:{{{PersistedHost.EventsId}}}"}}""");
        await host.Realtime.Feed.WaitForSubscribersAsync(1);
        host.Realtime.Feed.Publish(5);

        var next = await client.ReceiveAsync();
        Assert.Equal(("next", 5), ((string)next["type"]!, (int)next["payload"]!["data"]!["events"]!));
    }

    [Fact]
    public async Task A_graphql_transport_ws_subscribe_with_an_unknown_id_gets_an_error_message()
    {
        await using var host = await PersistedHost.StartAsync();
        await using var client = await TransportWsProtocolTests.ConnectAndInitAsync(host.Realtime);

        await client.SendAsync($$$"""{"id":"s1","type":"subscribe","payload":{"id":"{{{new string('b', 64)}}}"}}""");

        var error = await client.ReceiveAsync();
        Assert.Equal(("error", "s1"), ((string)error["type"]!, (string)error["id"]!));
        Assert.Equal("PERSISTED_OPERATION_NOT_FOUND", (string)error["payload"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task A_legacy_graphql_ws_start_with_documentId_runs_the_trusted_query()
    {
        await using var host = await PersistedHost.StartAsync();
        await using var client = await GraphQLWebSocketClient.ConnectAsync(host.Realtime.WebSocketAddress, "graphql-ws");
        await client.SendAsync("""{"type":"connection_init"}""");
        await client.ReceiveAsync("connection_ack");

        await client.SendAsync($$$"""{"id":"q","type":"start","payload":{"documentId":"{{{PersistedHost.HelloId}}}"}}""");

        var data = await client.ReceiveAsync("data");
        Assert.Equal(("q", "world"), ((string)data["id"]!, (string)data["payload"]!["data"]!["hello"]!));
    }

    [Fact]
    public async Task Sse_post_with_documentId_streams_the_trusted_subscription()
    {
        await using var host = await PersistedHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Post, host.Realtime.HttpAddress)
        {
            Content = new StringContent(new JsonObject { ["documentId"] = "sha256:" + PersistedHost.EventsId }.ToJsonString(), Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        await host.Realtime.Feed.WaitForSubscribersAsync(1);
        host.Realtime.Feed.Publish(3);
        host.Realtime.Feed.Complete();

        var data = await ReadDataLinesAsync(reader);
        Assert.Equal(3, (int)JsonNode.Parse(data[0])!["data"]!["events"]!);
    }

    [Fact]
    public async Task Sse_get_with_documentId_answers_the_trusted_query()
    {
        await using var host = await PersistedHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Realtime.HttpAddress, "?documentId=" + PersistedHost.HelloId));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var data = await ReadDataLinesAsync(new StreamReader(await response.Content.ReadAsStreamAsync()));

        Assert.Equal("world", (string)JsonNode.Parse(data[0])!["data"]!["hello"]!);
    }

    [Fact]
    public async Task Sse_with_an_unknown_documentId_answers_a_next_event_with_the_error()
    {
        await using var host = await PersistedHost.StartAsync();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.Realtime.HttpAddress, "?documentId=" + new string('c', 64)));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await host.Http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var data = await ReadDataLinesAsync(new StreamReader(await response.Content.ReadAsStreamAsync()));

        Assert.Equal("PERSISTED_OPERATION_NOT_FOUND", (string)JsonNode.Parse(Assert.Single(data))!["errors"]![0]!["extensions"]!["code"]!);
    }

    /// <summary>The <c>data:</c> lines of <c>next</c> events, until <c>complete</c>.</summary>
    private static async Task<List<string>> ReadDataLinesAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var data = new List<string>();
        var eventName = "";
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                eventName = line["event: ".Length..];
                if (eventName == "complete")
                {
                    break;
                }
            }
            else if (line.StartsWith("data: ", StringComparison.Ordinal) && eventName == "next")
            {
                data.Add(line["data: ".Length..]);
            }
        }

        return data;
    }
}
