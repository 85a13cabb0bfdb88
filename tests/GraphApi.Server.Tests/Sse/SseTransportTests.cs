using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Server.Tests.WebSockets.Realtime;

namespace GraphApi.Server.Tests.Sse;

/// <summary>GraphQL over SSE (graphql-sse distinct connections mode) against real Kestrel.</summary>
public sealed class SseTransportTests
{
    [Fact]
    public async Task A_subscription_streams_next_events_then_complete()
    {
        await using var host = await RealtimeHost.StartAsync();
        using var http = new HttpClient();
        using var response = await http.SendAsync(Post(host, """{"query":"subscription { events }"}"""), HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        await host.Feed.WaitForSubscribersAsync(1);
        host.Feed.Publish(1);
        host.Feed.Publish(2);
        host.Feed.Complete();
        var events = await ReadEventsAsync(reader);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal(["next", "next", "complete"], events.Select(e => e.Event));
        Assert.Equal([1, 2], events.Take(2).Select(e => (int)JsonNode.Parse(e.Data)!["data"]!["events"]!));
    }

    [Fact]
    public async Task A_query_over_get_answers_one_next_and_complete()
    {
        await using var host = await RealtimeHost.StartAsync();
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.HttpAddress, "?query=" + Uri.EscapeDataString("{ hello }")));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var events = await ReadEventsAsync(new StreamReader(await response.Content.ReadAsStreamAsync()));

        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal("world", (string)JsonNode.Parse(events[0].Data)!["data"]!["hello"]!);
    }

    [Fact]
    public async Task A_mutation_over_get_is_refused_in_the_stream()
    {
        await using var host = await RealtimeHost.StartAsync();
        using var http = new HttpClient();
        var request = new HttpRequestMessage(HttpMethod.Get, new Uri(host.HttpAddress, "?query=" + Uri.EscapeDataString("mutation { echo(text: \"x\") }")));
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);

        var events = await ReadEventsAsync(new StreamReader(await response.Content.ReadAsStreamAsync()));

        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Equal("OPERATION_NOT_ALLOWED_OVER_GET", (string)JsonNode.Parse(events[0].Data)!["errors"]![0]!["extensions"]!["code"]!);
    }

    [Fact]
    public async Task Validation_errors_come_as_a_next_event_with_errors()
    {
        await using var host = await RealtimeHost.StartAsync();
        using var http = new HttpClient();
        using var response = await http.SendAsync(Post(host, """{"query":"subscription { nope }"}"""), HttpCompletionOption.ResponseHeadersRead);

        var events = await ReadEventsAsync(new StreamReader(await response.Content.ReadAsStreamAsync()));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(["next", "complete"], events.Select(e => e.Event));
        Assert.Contains("nope", (string)JsonNode.Parse(events[0].Data)!["errors"]![0]!["message"]!);
    }

    [Fact]
    public async Task Keep_alive_comments_arrive_every_interval_and_closing_the_stream_unsubscribes()
    {
        await using var host = await RealtimeHost.StartAsync(sse: o => o.KeepAliveInterval = TimeSpan.FromMilliseconds(100));
        using var http = new HttpClient();
        var response = await http.SendAsync(Post(host, """{"query":"subscription { events }"}"""), HttpCompletionOption.ResponseHeadersRead);
        var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await host.Feed.WaitForSubscribersAsync(1);

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        var comments = 0;
        while (comments < 2 && await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            comments += line.StartsWith(':') ? 1 : 0;
        }

        Assert.Equal(2, comments);
        reader.Dispose();
        response.Dispose();
        await host.Feed.WaitForSubscribersAsync(0);
    }

    private static HttpRequestMessage Post(RealtimeHost host, string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, host.HttpAddress) { Content = new StringContent(body, Encoding.UTF8) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        return request;
    }

    /// <summary>Reads events (comments skipped) until <c>complete</c>.</summary>
    private static async Task<List<(string Event, string Data)>> ReadEventsAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var events = new List<(string, string)>();
        string? name = null, data = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event: ", StringComparison.Ordinal))
            {
                name = line["event: ".Length..];
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                data = line["data:".Length..].TrimStart();
            }
            else if (line.Length == 0 && name is not null)
            {
                events.Add((name, data ?? ""));
                if (name == "complete")
                {
                    return events;
                }

                (name, data) = (null, null);
            }
        }

        return events;
    }
}
