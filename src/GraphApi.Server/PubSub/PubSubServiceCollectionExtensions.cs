using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphApi.Server.PubSub;

/// <summary>Registers a topic bus behind <see cref="ITopicEventSender"/> and <see cref="ITopicEventReceiver"/>.</summary>
public static class PubSubServiceCollectionExtensions
{
    /// <summary>
    /// Registers the in-process bus (a singleton serving both interfaces) unless another implementation is already
    /// registered. Each subscriber buffers up to <see cref="InProcessPubSubOptions.SubscriberBufferCapacity"/>
    /// messages (default 1024) and drops its oldest message when full. Messages reach subscribers of this process only.
    /// </summary>
    public static IServiceCollection AddInProcessPubSub(
        this IServiceCollection services, Action<InProcessPubSubOptions>? configure = null)
    {
        var options = services.AddOptions<InProcessPubSubOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        services.TryAddSingleton<InProcessTopicBus>();
        services.TryAddSingleton<ITopicEventSender>(provider => provider.GetRequiredService<InProcessTopicBus>());
        services.TryAddSingleton<ITopicEventReceiver>(provider => provider.GetRequiredService<InProcessTopicBus>());
        return services;
    }
}
