using System.Net.Http.Headers;
using System.Text;
using System.Text.Json.Nodes;
using GraphApi.Server.Execution;
using GraphApi.Server.Streaming;
using GraphApi.Server.Tests.Http.TinyServer;
using GraphApi.Server.Tests.WebSockets;
using GraphApi.Server.Tests.WebSockets.Realtime;
using GraphApi.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.Tests.Streaming;

/// <summary>
/// Subscribers whose results must be identical (same document, variables and user) share one execution per event
/// and receive the same bytes; anything that could change the result keeps them apart.
/// </summary>
public sealed class SubscriptionFanOutTests
{
    private const string SharedQuery = "subscription { shared { id tag viewer } }";

    [Fact]
    public async Task Subscribers_with_the_same_document_and_user_share_one_execution_per_event_and_get_the_same_bytes()
    {
        await using var host = await StartAsync();
        await using var first = await SubscribeAsync(host, "alice", SharedQuery);
        await using var second = await SubscribeAsync(host, "alice", SharedQuery);
        await using var third = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(3);

        host.SharedFeed.Publish(1);
        var messages = await Task.WhenAll(first.ReceiveRawAsync(), second.ReceiveRawAsync(), third.ReceiveRawAsync());
        Assert.Equal(1, host.SharedFeed.Executions);
        host.SharedFeed.Publish(2);
        await Task.WhenAll(first.ReceiveRawAsync(), second.ReceiveRawAsync(), third.ReceiveRawAsync());

        Assert.Equal("""{"type":"next","id":"s","payload":{"data":{"shared":{"id":1,"tag":null,"viewer":"alice"}}}}""", messages[0]);
        Assert.All(messages, message => Assert.Equal(messages[0], message));
        Assert.Equal(2, host.SharedFeed.Executions);
    }

    [Fact]
    public async Task Different_users_are_different_groups_and_never_see_each_others_results()
    {
        await using var host = await StartAsync();
        await using var alice = await SubscribeAsync(host, "alice", SharedQuery);
        await using var bob = await SubscribeAsync(host, "bob", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(2);

        host.SharedFeed.Publish(1, owner: "alice");

        Assert.Equal("alice", (string?)(await alice.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["viewer"]);
        Assert.Null((await bob.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["viewer"]);
        Assert.Equal(2, host.SharedFeed.Executions);
    }

    [Fact]
    public async Task Different_variables_are_different_groups()
    {
        const string query = "subscription($t: String) { shared(tag: $t) { tag } }";
        await using var host = await StartAsync();
        await using var x1 = await SubscribeAsync(host, "alice", query, new JsonObject { ["t"] = "x" });
        await using var y = await SubscribeAsync(host, "alice", query, new JsonObject { ["t"] = "y" });
        await using var x2 = await SubscribeAsync(host, "alice", query, new JsonObject { ["t"] = "x" });
        await host.SharedFeed.WaitForSubscribersAsync(3);

        host.SharedFeed.Publish(1);
        var tags = await Task.WhenAll(new[] { x1, y, x2 }.Select(async c => (string?)(await c.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["tag"]));

        Assert.Equal(new string?[] { "x", "y", "x" }, tags);
        Assert.Equal(2, host.SharedFeed.Executions);
    }

    [Fact]
    public async Task A_subscriber_that_completes_leaves_the_group_and_the_others_still_receive()
    {
        await using var host = await StartAsync();
        await using var leaving = await SubscribeAsync(host, "alice", SharedQuery);
        await using var staying = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(2);

        await leaving.SendAsync("""{"id":"s","type":"complete"}""");
        await host.SharedFeed.WaitForSubscribersAsync(1);
        host.SharedFeed.Publish(1);

        Assert.Equal(1, (int)(await staying.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["id"]!);
        await leaving.SendAsync("""{"type":"ping"}""");
        Assert.Equal("pong", (string?)(await leaving.ReceiveAsync())["type"]); // and no next before it
        Assert.Equal(1, host.SharedFeed.Executions);
    }

    [Fact]
    public async Task A_member_whose_socket_closes_does_not_affect_the_others()
    {
        await using var host = await StartAsync();
        var closing = await SubscribeAsync(host, "alice", SharedQuery);
        await using var second = await SubscribeAsync(host, "alice", SharedQuery);
        await using var third = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(3);

        await closing.DisposeAsync();
        await host.SharedFeed.WaitForSubscribersAsync(2);
        host.SharedFeed.Publish(1);

        var ids = await Task.WhenAll(new[] { second, third }.Select(async c => (int)(await c.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["id"]!));
        Assert.Equal([1, 1], ids);
        Assert.Equal(1, host.SharedFeed.Executions);
    }

    [Fact]
    public async Task When_the_executing_subscriber_leaves_during_an_event_the_others_still_get_that_event()
    {
        await using var host = await StartAsync();
        host.SharedFeed.Gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var executing = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(1);
        await using var waiting = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(2);

        host.SharedFeed.Publish(1); // the first subscriber takes it first and executes it; the other waits for it
        await host.SharedFeed.ExecutionStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        await executing.DisposeAsync();
        await host.SharedFeed.WaitForSubscribersAsync(1);
        host.SharedFeed.Gate.SetResult();

        var next = await waiting.ReceiveAsync("next");
        Assert.Equal("alice", (string?)next["payload"]!["data"]!["shared"]!["viewer"]);
        Assert.Null(next["payload"]!["errors"]);
    }

    [Fact]
    public async Task Events_arrive_in_order_even_when_a_later_one_is_ready_first()
    {
        await using var host = await StartAsync();
        await using var subscriber = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(1);
        var firstGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        host.SharedFeed.Gate = firstGate;

        host.SharedFeed.Publish(1); // held at the gate
        await host.SharedFeed.ExecutionStarted.Task.WaitAsync(TimeSpan.FromSeconds(10));
        host.SharedFeed.Gate = new TaskCompletionSource();
        host.SharedFeed.Gate.SetResult();
        host.SharedFeed.Publish(2); // executes at once, while the first still waits
        await WaitUntilAsync(() => host.SharedFeed.Executions == 2);
        firstGate.SetResult();

        Assert.Equal(1, (int)(await subscriber.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["id"]!);
        Assert.Equal(2, (int)(await subscriber.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["id"]!);
    }

    [Fact]
    public async Task A_failing_event_source_completes_its_subscriptions_logs_why_and_the_sockets_stay_open()
    {
        var logs = new CapturedLogs();
        await using var host = await StartAsync(services => services.AddSingleton<ILoggerProvider>(logs));
        await using var first = await SubscribeAsync(host, "alice", SharedQuery);
        await using var second = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(2);
        host.SharedFeed.Publish(1);

        host.SharedFeed.Fail(new InvalidOperationException("the feed broke"));

        foreach (var client in new[] { first, second })
        {
            Assert.Equal(1, (int)(await client.ReceiveAsync("next"))["payload"]!["data"]!["shared"]!["id"]!);
            var complete = await client.ReceiveAsync();
            Assert.Equal("complete", (string?)complete["type"]);
            Assert.Equal("s", (string?)complete["id"]);
            await client.SendAsync("""{"type":"ping"}""");
            Assert.Equal("pong", (string?)(await client.ReceiveAsync())["type"]);
        }

        var warnings = logs.Entries.Where(e => e.Level == LogLevel.Warning && e.Category.EndsWith(nameof(GraphQLOperationRunner), StringComparison.Ordinal)).ToList();
        Assert.Equal(2, warnings.Count);
        Assert.All(warnings, w => Assert.IsType<UnexpectedExecutionError>(w.Exception)); // masked for clients
        Assert.Contains(logs.Entries, e => e.Level == LogLevel.Error && e.Exception?.Message == "the feed broke"); // the cause, for operators
    }

    [Fact]
    public async Task Sse_and_websocket_subscribers_of_one_group_share_the_execution()
    {
        await using var host = await StartAsync();
        await using var socket = await TransportWsProtocolTests.ConnectAndInitAsync(host); // anonymous, as the SSE request
        await socket.SendAsync(new JsonObject { ["id"] = "s", ["type"] = "subscribe", ["payload"] = new JsonObject { ["query"] = SharedQuery } });
        using var http = new HttpClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.HttpAddress)
        {
            Content = new StringContent(new JsonObject { ["query"] = SharedQuery }.ToJsonString(), Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await host.SharedFeed.WaitForSubscribersAsync(2);

        host.SharedFeed.Publish(1);
        var overSocket = (await socket.ReceiveAsync("next"))["payload"]!.ToJsonString();
        var overSse = await NextSseDataAsync(reader);

        Assert.Equal("""{"data":{"shared":{"id":1,"tag":null,"viewer":null}}}""", overSse);
        Assert.Equal(overSse, overSocket);
        Assert.Equal(1, host.SharedFeed.Executions);
    }

    [Fact]
    public async Task With_sharing_disabled_every_subscriber_executes_every_event()
    {
        await using var host = await StartAsync(services => services.Configure<SubscriptionFanOutOptions>(o => o.Enabled = false));
        await using var first = await SubscribeAsync(host, "alice", SharedQuery);
        await using var second = await SubscribeAsync(host, "alice", SharedQuery);
        await host.SharedFeed.WaitForSubscribersAsync(2);

        host.SharedFeed.Publish(1);
        await Task.WhenAll(first.ReceiveAsync("next"), second.ReceiveAsync("next"));

        Assert.Equal(2, host.SharedFeed.Executions);
    }

    private static Task<RealtimeHost> StartAsync(Action<IServiceCollection>? configure = null) =>
        RealtimeHost.StartAsync(
            o => o.KeepAliveInterval = TimeSpan.Zero,
            configureServices: services =>
            {
                TransportWsProtocolTests.UseTestAuthenticator(services);
                configure?.Invoke(services);
            });

    private static async Task<GraphQLWebSocketClient> SubscribeAsync(RealtimeHost host, string user, string query, JsonObject? variables = null)
    {
        var client = await TransportWsProtocolTests.ConnectAndInitAsync(host, new JsonObject { ["authorization"] = "good:" + user });
        var payload = new JsonObject { ["query"] = query };
        if (variables is not null)
        {
            payload["variables"] = variables;
        }

        await client.SendAsync(new JsonObject { ["id"] = "s", ["type"] = "subscribe", ["payload"] = payload });
        return client;
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(10);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "The condition did not hold within 10 s.");
            await Task.Delay(10);
        }
    }

    private static async Task<string> NextSseDataAsync(StreamReader reader)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var isNext = false;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line == "event: next")
            {
                isNext = true;
            }
            else if (isNext && line.StartsWith("data: ", StringComparison.Ordinal))
            {
                return line["data: ".Length..];
            }
        }

        throw new InvalidOperationException("The SSE stream ended without a next event.");
    }
}
