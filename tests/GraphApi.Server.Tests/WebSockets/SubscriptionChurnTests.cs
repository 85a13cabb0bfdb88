using System.Net.Http.Headers;
using System.Text;
using GraphApi.Server.Execution;
using GraphApi.Server.PubSub;
using GraphApi.Server.PubSub.Redis;
using GraphApi.Server.Tests.PubSub.Redis;
using GraphApi.Server.Tests.WebSockets.Realtime;
using GraphQL;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.WebSockets;

/// <summary>
/// Subscribe, then complete/stop, close, abort or hang up at random moments (a fixed seed), over both subprotocols
/// and SSE; afterwards the topic bus must hold no subscriber at all, in process and on Redis (PUBSUB NUMSUB).
/// Execution is slowed a little after it returns, so cancellations often land between "execution returned a
/// stream" and the pump: the window where subscriptions used to leak.
/// </summary>
public sealed class SubscriptionChurnTests
{
    private const int Rounds = 240;
    private const int Workers = 6;
    private const int Seed = 20261129;

    [Fact]
    public async Task Churn_leaves_no_subscriber_on_the_in_process_bus()
    {
        await using var host = await StartAsync(services => services.AddInProcessPubSub());
        var bus = host.Services.GetRequiredService<InProcessTopicBus>();

        await ChurnAsync(host);

        await host.Feed.WaitForSubscribersAsync(0); // unrelated feed: nothing else subscribed either
        Assert.Equal(0, await EventuallyAsync(() => Task.FromResult(bus.SubscriberCount(RealtimeSubscription.TopicName))));
    }

    [RequiresRedisFact]
    public async Task Churn_leaves_no_subscriber_on_redis()
    {
        await using var redis = await RedisServer.StartAsync();
        await using var inspector = new RedisInstances(redis.Configuration);
        await using var host = await StartAsync(services => services.AddRedisPubSub(redis.Configuration));

        await ChurnAsync(host);

        var channel = new RedisPubSubOptions().ChannelPrefix + RealtimeSubscription.TopicName;
        Assert.Equal(0L, await EventuallyAsync(() => inspector.SubscriptionsAsync(channel)));
    }

    private static Task<RealtimeHost> StartAsync(Action<IServiceCollection> bus) => RealtimeHost.StartAsync(
        webSockets: o => o.KeepAliveInterval = TimeSpan.Zero,
        sse: o => o.KeepAliveInterval = TimeSpan.Zero,
        configureServices: services =>
        {
            bus(services);
            SlowToReturnExecutor.Decorate(services, new Random(Seed));
        });

    private static async Task ChurnAsync(RealtimeHost host)
    {
        using var http = new HttpClient();
        var subscribed = 0;
        await Task.WhenAll(Enumerable.Range(0, Workers).Select(async worker =>
        {
            var random = new Random(Seed + worker);
            for (var round = worker; round < Rounds; round += Workers)
            {
                var wait = TimeSpan.FromMilliseconds(random.Next(0, 6));
                var ending = random.Next(0, 3);
                var roundTask = (round % 3) switch
                {
                    0 => TransportWsRoundAsync(host, wait, ending),
                    1 => LegacyWsRoundAsync(host, wait, ending),
                    _ => SseRoundAsync(host, http, wait),
                };
                await roundTask;
                Interlocked.Increment(ref subscribed);
            }
        }));

        Assert.Equal(Rounds, subscribed);
    }

    /// <summary>Subscribe, wait, then complete (and go on with a query to prove the socket lives), close or abort.</summary>
    private static async Task TransportWsRoundAsync(RealtimeHost host, TimeSpan wait, int ending)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, "graphql-transport-ws");
        await using (client)
        {
            await client.SendAsync("""{"type":"connection_init"}""");
            await client.ReceiveAsync();
            await client.SendAsync("""{"id":"t","type":"subscribe","payload":{"query":"subscription { topic }"}}""");
            await Task.Delay(wait);
            switch (ending)
            {
                case 0:
                    await client.SendAsync("""{"id":"t","type":"complete"}""");
                    await client.CloseAsync();
                    break;
                case 1:
                    await client.CloseAsync();
                    break;
                default:
                    break; // disposed without a close handshake
            }
        }
    }

    private static async Task LegacyWsRoundAsync(RealtimeHost host, TimeSpan wait, int ending)
    {
        var client = await GraphQLWebSocketClient.ConnectAsync(host.WebSocketAddress, "graphql-ws");
        await using (client)
        {
            await client.SendAsync("""{"type":"connection_init","payload":{}}""");
            await client.ReceiveAsync();
            await client.SendAsync("""{"id":"l","type":"start","payload":{"query":"subscription { topic }"}}""");
            await Task.Delay(wait);
            switch (ending)
            {
                case 0:
                    await client.SendAsync("""{"id":"l","type":"stop"}""");
                    await client.SendAsync("""{"type":"connection_terminate"}""");
                    break;
                case 1:
                    // A start with the same id replaces the running one: the first must be released too.
                    await client.SendAsync("""{"id":"l","type":"start","payload":{"query":"subscription { topic }"}}""");
                    await client.CloseAsync();
                    break;
                default:
                    break;
            }
        }
    }

    private static async Task SseRoundAsync(RealtimeHost host, HttpClient http, TimeSpan wait)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, host.HttpAddress)
        {
            Content = new StringContent("""{"query":"subscription { topic }"}""", Encoding.UTF8),
        };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.Accept.ParseAdd("text/event-stream");
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        await Task.Delay(wait); // then the client hangs up
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read)
        where T : IEquatable<T>
    {
        var deadline = DateTime.UtcNow.AddSeconds(15);
        var value = await read();
        while (!value.Equals(default!) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            value = await read();
        }

        return value;
    }

    /// <summary>Waits 0–2 ms (seeded) after execution returns, widening the window between a stream and its pump.</summary>
    private sealed class SlowToReturnExecutor(IGraphQLExecutor inner, Random random) : IGraphQLExecutor
    {
        public static void Decorate(IServiceCollection services, Random random)
        {
            var original = services.Single(d => d.ServiceType == typeof(IGraphQLExecutor));
            services.Remove(original);
            services.AddSingleton<IGraphQLExecutor>(provider => new SlowToReturnExecutor(
                (IGraphQLExecutor)ActivatorUtilities.CreateInstance(provider, original.ImplementationType!), random));
        }

        public async Task<ExecutionResult> ExecuteAsync(GraphQLExecutionRequest request, CancellationToken ct)
        {
            var result = await inner.ExecuteAsync(request, ct);
            int delay;
            lock (random)
            {
                delay = random.Next(0, 3);
            }

            if (delay > 0)
            {
                await Task.Delay(delay, CancellationToken.None);
            }

            return result;
        }
    }
}
