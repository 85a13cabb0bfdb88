using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphApi.Server.DataLoading;

/// <summary>Registers data loaders; all of them are scoped, so their caches last one request.</summary>
public static class DataLoaderServiceCollectionExtensions
{
    /// <summary>Registers the scoped <see cref="DataLoaderScope"/> (idempotent).</summary>
    public static IServiceCollection AddDataLoaders(this IServiceCollection services)
    {
        services.TryAddScoped<DataLoaderScope>();
        return services;
    }

    /// <summary>Registers <typeparamref name="TLoader"/> as scoped (one instance, one cache per request).</summary>
    public static IServiceCollection AddDataLoader<TLoader>(this IServiceCollection services)
        where TLoader : class
    {
        services.TryAddScoped<TLoader>();
        return services;
    }
}
