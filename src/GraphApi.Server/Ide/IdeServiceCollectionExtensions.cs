using GraphApi.Server.Http;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Ide;

/// <summary>Registration of the Banana Cake Pop IDE.</summary>
public static class IdeServiceCollectionExtensions
{
    /// <summary>
    /// Serves the prebuilt Banana Cake Pop IDE (from <see cref="IdeOptions.AssetsDirectory"/>) to browsers opening the
    /// path given to <c>MapGraphQL</c>, its assets from the path's sub-paths, and its connection settings (the same
    /// origin's endpoint over HTTP and WebSocket) as <c>bcp-config.json</c> beside it. On in every environment unless
    /// <see cref="IdeOptions.Enabled"/> is false (options bound from the <c>Ide</c> sub-section); off when the assets
    /// are missing. Register it before other transports that take browser GETs.
    /// </summary>
    public static GraphQLServerBuilder AddIde(this GraphQLServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.BindOptions<IdeOptions>("Ide");
        builder.Services.AddGraphQLIde();
        return builder;
    }

    /// <summary>The services of <see cref="AddIde"/> without configuration binding. Safe to call more than once.</summary>
    internal static IServiceCollection AddGraphQLIde(this IServiceCollection services, Action<IdeOptions>? configure = null)
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
