using GraphApi.Server.PubSub;
using GraphApi.Server.PubSub.Redis;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace GraphApi.Server.Tests.PubSub.Redis;

/// <summary>
/// Server instances as the bus sees them: each is its own service provider with its own Redis connection, all on one
/// Redis, plus an inspecting connection that asks Redis about its channels.
/// </summary>
internal sealed class RedisInstances(string configuration) : IAsyncDisposable
{
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(5);

    private readonly List<ServiceProvider> _instances = [];
    private ConnectionMultiplexer? _inspector;

    public ServiceProvider Start(Action<RedisPubSubOptions>? configure = null)
    {
        var instance = new ServiceCollection()
            .AddLogging()
            .AddRedisPubSub(configuration, configure)
            .AddInProcessPubSub(o => o.SubscriberBufferCapacity = 16)
            .BuildServiceProvider();
        _instances.Add(instance);
        return instance;
    }

    /// <summary>How many connections Redis has subscribed to <paramref name="channel"/> (PUBSUB NUMSUB).</summary>
    public async Task<long> SubscriptionsAsync(string channel)
    {
        var reply = (RedisResult[])(await (await InspectorAsync()).GetDatabase().ExecuteAsync("PUBSUB", "NUMSUB", channel))!;
        return (long)reply[1];
    }

    /// <summary>
    /// The channels matching <paramref name="pattern"/> that Redis has any subscription to (PUBSUB CHANNELS), sorted.
    /// The default pattern leaves out StackExchange.Redis's own configuration channel.
    /// </summary>
    public async Task<string[]> ChannelsAsync(string pattern = "graphapi:*")
    {
        var reply = (RedisResult[])(await (await InspectorAsync()).GetDatabase().ExecuteAsync("PUBSUB", "CHANNELS", pattern))!;
        return reply.Select(channel => (string)channel!).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Polls <paramref name="read"/> until its value is <paramref name="settled"/> or patience runs out.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, Func<T, bool> settled)
    {
        var deadline = DateTime.UtcNow + Patience;
        var value = await read();
        while (!settled(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(25);
            value = await read();
        }

        return value;
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var instance in _instances)
        {
            await instance.DisposeAsync();
        }

        if (_inspector is not null)
        {
            await _inspector.DisposeAsync();
        }
    }

    private async Task<ConnectionMultiplexer> InspectorAsync() =>
        _inspector ??= await ConnectionMultiplexer.ConnectAsync(configuration);
}

internal static class TopicBusInstanceExtensions
{
    public static ITopicEventSender Sender(this IServiceProvider instance) => instance.GetRequiredService<ITopicEventSender>();

    public static ITopicEventReceiver Receiver(this IServiceProvider instance) => instance.GetRequiredService<ITopicEventReceiver>();

    /// <summary>The next message of <paramref name="reader"/>, failing the test when none arrives in time.</summary>
    public static async Task<T> NextAsync<T>(this IAsyncEnumerator<T> reader, TimeSpan? patience = null)
    {
        Assert.True(
            await reader.MoveNextAsync().AsTask().WaitAsync(patience ?? RedisInstances.Patience),
            "The subscription ended instead of delivering a message.");
        return reader.Current;
    }
}
