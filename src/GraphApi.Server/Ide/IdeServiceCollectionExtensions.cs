using GraphApi.Server.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Ide;

/// <summary>Registration of the Banana Cake Pop IDE.</summary>
public static class IdeServiceCollectionExtensions
{
    /// <summary>
    /// Serves the prebuilt Banana Cake Pop IDE (from <see cref="IdeOptions.AssetsDirectory"/>) to browsers opening the
    /// GraphQL path, its assets from the path's sub-paths, and its connection settings (the same origin's endpoint
    /// over HTTP and WebSocket) as <c>bcp-config.json</c> beside it. On in every environment unless
    /// <see cref="IdeOptions.Enabled"/> is false; off when the assets are missing. Register it before
    /// other transports that take browser GETs. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to <see cref="IdeOptions"/> (defaults documented there); may be null.</param>
    public static IServiceCollection AddGraphQLIde(this IServiceCollection services, Action<IdeOptions>? configure = null)
    {
        var options = services.AddOptions<IdeOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(IdeAssets)))
        {
            return services;
        }

        services.AddSingleton<IdeAssets>();
        services.AddSingleton<IGraphQLTransport, IdeTransport>();
        services.AddSingleton<IStartupFilter, IdeAssetsStartupFilter>();
        return services;
    }
}
