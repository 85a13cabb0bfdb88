using System.Diagnostics;
using GraphApi.Server.PubSub.Redis;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace GraphApi.Server.Tests.PubSub.Redis;

/// <summary>What the Redis bus does while Redis is away and once it is back (same port, emptied server).</summary>
public sealed class RedisOutageTests : IAsyncLifetime
{
    private static readonly TimeSpan Prompt = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan ReconnectPatience = TimeSpan.FromSeconds(20);

    private RedisServer _redis = null!;
    private RedisInstances _instances = null!;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync();
        _instances = new RedisInstances(_redis.Configuration);
    }

    public async Task DisposeAsync()
    {
        await _instances.DisposeAsync();
        await _redis.DisposeAsync();
    }

    [RequiresRedisFact]
    public async Task Sending_while_redis_is_down_neither_throws_nor_waits()
    {
        var a = _instances.Start();
        await a.Sender().SendAsync("t", new Ping(0));
        await _redis.StopAsync();

        var clock = Stopwatch.StartNew();
        for (var i = 1; i <= 3; i++)
        {
            await a.Sender().SendAsync("t", new Ping(i)).AsTask().WaitAsync(ReconnectPatience);
        }

        Assert.True(clock.Elapsed < Prompt, $"Three sends while Redis was down took {clock.Elapsed}.");
    }

    [RequiresRedisFact]
    public async Task An_instance_started_while_redis_is_down_sends_promptly_and_works_once_redis_is_up()
    {
        await _redis.StopAsync();
        // A long connect timeout: a sender that waited for the first connect would take 10 s.
        await using var instances = new RedisInstances(_redis.Configuration + ",connectTimeout=10000");
        var a = instances.Start();

        var clock = Stopwatch.StartNew();
        await a.Sender().SendAsync("t", new Ping(-1)).AsTask().WaitAsync(ReconnectPatience);
        Assert.True(clock.Elapsed < 3 * Prompt, $"Sending before Redis was ever reachable took {clock.Elapsed}.");

        await _redis.RestartAsync();
        await using var subscription = await a.Receiver().SubscribeAsync<Ping>("t");
        await using var reader = subscription.GetAsyncEnumerator();
        var next = reader.MoveNextAsync().AsTask();
        clock.Restart();
        for (var i = 1; !next.IsCompleted && clock.Elapsed < ReconnectPatience; i++)
        {
            await a.Sender().SendAsync("t", new Ping(i));
            await Task.WhenAny(next, Task.Delay(100));
        }

        Assert.True(await next.WaitAsync(Prompt), "The subscription ended instead of receiving.");
        Assert.True(reader.Current.Number > 0, $"Received {reader.Current}, which was sent while Redis was down.");
    }

    [RequiresRedisFact]
    public async Task An_existing_subscription_receives_new_messages_after_redis_restarts()
    {
        var a = _instances.Start();
        var b = _instances.Start();
        await using var subscription = await b.Receiver().SubscribeAsync<Ping>("order:1");
        await using var reader = subscription.GetAsyncEnumerator();
        await a.Sender().SendAsync("order:1", new Ping(0));
        Assert.Equal(new Ping(0), await reader.NextAsync());

        await _redis.StopAsync();
        await a.Sender().SendAsync("order:1", new Ping(-1));
        await _redis.RestartAsync();

        // Re-subscribing takes a reconnect; until then sends are lost (at-most-once), so keep sending.
        var next = reader.MoveNextAsync().AsTask();
        var clock = Stopwatch.StartNew();
        for (var i = 1; !next.IsCompleted && clock.Elapsed < ReconnectPatience; i++)
        {
            await a.Sender().SendAsync("order:1", new Ping(i));
            await Task.WhenAny(next, Task.Delay(100));
        }

        Assert.True(await next.WaitAsync(Prompt), "The subscription ended instead of resuming.");
        Assert.True(reader.Current.Number > 0, $"Received {reader.Current}, which was sent while Redis was down.");
        Assert.Equal(1, await _instances.SubscriptionsAsync("graphapi:order:1"));
    }

    [RequiresRedisFact]
    public async Task Subscribing_while_redis_is_down_succeeds_and_receives_once_redis_is_back()
    {
        var a = _instances.Start();
        var b = _instances.Start();
        await a.Sender().SendAsync("t", new Ping(0)); // Both instances connect while Redis is up.
        await b.Sender().SendAsync("t", new Ping(0));
        await _redis.StopAsync();

        await using var subscription = await b.Receiver().SubscribeAsync<Ping>("t").AsTask().WaitAsync(ReconnectPatience);
        await using var reader = subscription.GetAsyncEnumerator();
        await _redis.RestartAsync();

        var next = reader.MoveNextAsync().AsTask();
        var clock = Stopwatch.StartNew();
        for (var i = 1; !next.IsCompleted && clock.Elapsed < ReconnectPatience; i++)
        {
            await a.Sender().SendAsync("t", new Ping(i));
            await Task.WhenAny(next, Task.Delay(100));
        }

        Assert.True(await next.WaitAsync(Prompt), "The subscription ended instead of receiving.");
    }

    [RequiresRedisFact]
    public async Task The_health_check_reports_whether_redis_is_reachable()
    {
        await using var services = new ServiceCollection()
            .AddLogging()
            .AddRedisPubSub(_redis.Configuration)
            .AddHealthChecks().AddRedisPubSubCheck(tags: "ready").Services
            .BuildServiceProvider();
        var health = services.GetRequiredService<HealthCheckService>();

        var up = await health.CheckHealthAsync();
        await _redis.StopAsync();
        var down = await RedisInstances.EventuallyAsync(() => health.CheckHealthAsync(), r => r.Status != HealthStatus.Healthy);

        Assert.Equal(HealthStatus.Healthy, up.Entries["redis-pubsub"].Status);
        Assert.Equal(HealthStatus.Unhealthy, down.Entries["redis-pubsub"].Status);
        Assert.Equal(["ready"], down.Entries["redis-pubsub"].Tags);
    }

    private sealed record Ping(int Number);
}
