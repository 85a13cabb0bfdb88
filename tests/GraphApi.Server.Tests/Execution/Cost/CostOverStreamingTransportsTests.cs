using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Server.Execution;
using GraphApi.Server.Execution.Cost;
using GraphQL;
using GraphApi.Server.Tests.WebSockets;
using GraphApi.Server.Tests.WebSockets.Realtime;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Execution.Cost;

/// <summary>WebSocket and SSE run the same executor, so the same limit holds there (here 1: one field).</summary>
public sealed class CostOverStreamingTransportsTests
{
    private static Task<RealtimeHost> StartAsync() =>
        RealtimeHost.StartAsync(configureServices: services => services.AddGraphQL(b => b.UseCostAnalysis(o => o.MaxCost = 1)));

    [Fact]
    public async Task Over_a_websocket_an_operation_over_the_limit_answers_error_and_the_next_one_runs()
    {
        await using var host = await StartAsync();
        await using var client = await TransportWsProtocolTests.ConnectAndInitAsync(host);

        await client.SendAsync("""{"id":"1","type":"subscribe","payload":{"query":"{ hello whoami }"}}""");
        var error = await client.ReceiveAsync();
        await client.SendAsync("""{"id":"2","type":"subscribe","payload":{"query":"{ hello }"}}""");

        Assert.Equal(("error", "1"), ((string)error["type"]!, (string)error["id"]!));
        Assert.Equal(ErrorCodes.MaxCostExceeded, (string)error["payload"]![0]!["extensions"]!["code"]!);
        Assert.Equal("world", (string)(await client.ReceiveAsync())["payload"]!["data"]!["hello"]!);
    }

    [Fact]
    public async Task Over_sse_an_operation_over_the_limit_answers_its_error_then_complete()
    {
        await using var host = await StartAsync();
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.HttpAddress)
        {
            Content = new StringContent("""{"query":"{ hello whoami }"}""", Encoding.UTF8, new MediaTypeHeaderValue("application/json")),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var body = await response.Content.ReadAsStringAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var events = body.Split("\n\n", StringSplitOptions.RemoveEmptyEntries).Where(e => e.StartsWith("event:", StringComparison.Ordinal)).ToArray();
        Assert.Equal(["event: next", "event: complete"], events.Select(e => e.Split('\n')[0]));
        var data = JsonNode.Parse(events[0].Split('\n')[1]["data:".Length..])!;
        Assert.Null(data["data"]);
        Assert.Equal(ErrorCodes.MaxCostExceeded, (string)data["errors"]![0]!["extensions"]!["code"]!);
    }
}
