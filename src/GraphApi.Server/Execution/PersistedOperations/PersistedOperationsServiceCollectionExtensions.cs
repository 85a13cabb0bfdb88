using GraphApi.Server.PubSub.Redis;
using GraphQL.DI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>Registers persisted operations (trusted documents and automatic persisted queries).</summary>
public static class PersistedOperationsServiceCollectionExtensions
{
    /// <summary>
    /// Persisted operations with the options bound from the <c>PersistedOperations</c> sub-section of the server's
    /// configuration (see <see cref="PersistedOperationOptions"/> for settings and defaults); invalid values stop start-up.
    /// </summary>
    public static GraphQLServerBuilder AddPersistedOperations(this GraphQLServerBuilder builder, Action<PersistedOperationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.BindOptions<PersistedOperationOptions>("PersistedOperations").ValidateOnStart();
        builder.Services.AddPersistedOperations(configure);
        return builder;
    }

    /// <summary>
    /// Lets every transport run a document by <c>documentId</c> (<c>sha256:&lt;hex&gt;</c> or <c>&lt;hex&gt;</c>) or Hot
    /// Chocolate's <c>id</c> from <see cref="PersistedOperationOptions.Directory"/> and <see cref="PersistedOperationOptions.Manifest"/>,
    /// and by Apollo's <c>extensions.persistedQuery</c> hash when <see cref="PersistedOperationOptions.Automatic"/> is on
    /// (in Redis when <c>AddRedisPubSub</c> is registered, in either order; else in memory). All off by default.
    /// The resolved text then passes the document cache, limits, cost analysis and validation like any other.
    /// </summary>
    public static IServiceCollection AddPersistedOperations(this IServiceCollection services, Action<PersistedOperationOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var options = services.AddOptions<PersistedOperationOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(PersistedOperationExecution)))
        {
            return services;
        }

        services.AddLogging();
        services.TryAddSingleton<PersistedOperationPaths>();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PersistedOperationOptions>, PersistedOperationOptionsValidator>());
        services.AddSingleton(provider => provider.GetRequiredService<IOptions<PersistedOperationOptions>>().Value);
        services.AddSingleton<IAutomaticQueryStore>(provider => provider.GetService<RedisPubSubConnection>() is not null
            ? ActivatorUtilities.CreateInstance<RedisAutomaticQueryStore>(provider)
            : ActivatorUtilities.CreateInstance<InMemoryAutomaticQueryStore>(provider));
        services.AddSingleton(provider => new PersistedOperationExecution(
            provider.GetRequiredService<PersistedOperationOptions>(),
            TrustedStores(provider),
            provider.GetRequiredService<IAutomaticQueryStore>()));
        services.AddSingleton<IConfigureExecution>(provider => provider.GetRequiredService<PersistedOperationExecution>());
        return services;
    }

    private static List<ITrustedDocumentStore> TrustedStores(IServiceProvider provider)
    {
        var options = provider.GetRequiredService<PersistedOperationOptions>();
        var paths = provider.GetRequiredService<PersistedOperationPaths>();
        List<ITrustedDocumentStore> stores = [];
        if (paths.Resolve(options.Directory) is { } directory)
        {
            stores.Add(new DirectoryDocumentStore(directory));
        }

        if (paths.Resolve(options.Manifest) is { } manifest)
        {
            stores.Add(new ManifestDocumentStore(manifest));
        }

        return stores;
    }
}
