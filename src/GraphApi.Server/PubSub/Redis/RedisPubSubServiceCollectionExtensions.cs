using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace GraphApi.Server.PubSub.Redis;

/// <summary>Registers the Redis topic bus and its health check.</summary>
public static class RedisPubSubServiceCollectionExtensions
{
    /// <summary>
    /// Carries events across server instances through Redis: see the <see cref="IServiceCollection"/> overload.
    /// </summary>
    /// <param name="builder">The server builder.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <param name="configure">Optional changes to the <see cref="RedisPubSubOptions"/> defaults.</param>
    public static GraphQLServerBuilder AddRedisPubSub(
        this GraphQLServerBuilder builder, string configuration, Action<RedisPubSubOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.AddRedisPubSub(configuration, configure);
        return builder;
    }

    /// <summary>
    /// Registers the Redis bus (a singleton) as <see cref="ITopicEventSender"/> and <see cref="ITopicEventReceiver"/>,
    /// replacing any bus registered before and winning over a later <c>AddInProcessPubSub()</c>. The connection opens
    /// on first use, never aborts on a failed connect and sends nothing while disconnected (see
    /// <see cref="RedisPubSubOptions"/> for the delivery guarantee). Channel prefix default: <c>graphapi:</c>; local
    /// subscriber buffers follow <see cref="InProcessPubSubOptions"/> (default 1024 messages, drop oldest).
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configuration">A StackExchange.Redis configuration string, e.g. <c>localhost:6379</c>.</param>
    /// <param name="configure">Optional changes to the <see cref="RedisPubSubOptions"/> defaults.</param>
    public static IServiceCollection AddRedisPubSub(
        this IServiceCollection services, string configuration, Action<RedisPubSubOptions>? configure = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(configuration);
        var redisConfiguration = RedisPubSubConnection.ParseConfiguration(configuration);
        var options = services.AddOptions<RedisPubSubOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.AddOptions<InProcessPubSubOptions>();
        services.AddLogging();
        services.TryAddSingleton(provider => new RedisPubSubConnection(
            redisConfiguration, provider.GetRequiredService<ILogger<RedisPubSubConnection>>()));
        services.TryAddSingleton<RedisTopicBus>();
        services.Replace(ServiceDescriptor.Singleton<ITopicEventSender>(provider => provider.GetRequiredService<RedisTopicBus>()));
        services.Replace(ServiceDescriptor.Singleton<ITopicEventReceiver>(provider => provider.GetRequiredService<RedisTopicBus>()));
        return services;
    }

    /// <summary>
    /// Adds a health check (default name <c>redis-pubsub</c>) that is healthy while the Redis pub/sub connection is
    /// up and reports <paramref name="failureStatus"/> (default: unhealthy) otherwise. Requires
    /// <c>AddRedisPubSub</c>.
    /// </summary>
    public static IHealthChecksBuilder AddRedisPubSubCheck(
        this IHealthChecksBuilder builder,
        string name = "redis-pubsub",
        HealthStatus? failureStatus = null,
        params string[] tags) =>
        builder.AddCheck<RedisPubSubHealthCheck>(name, failureStatus, tags);
}
