using GraphApi.Server.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Http;

/// <summary>Registration of GraphQL over HTTP.</summary>
internal static class GraphQLHttpServiceCollectionExtensions
{
    /// <summary>
    /// Registers GraphQL over HTTP and the executor facade (<see cref="ExecutionServiceCollectionExtensions.AddGraphQLExecutor"/>).
    /// The app must also call <c>services.AddGraphQL(b => b.AddSchema(...).AddSystemTextJson())</c>.
    /// Map the endpoint with <see cref="GraphQLEndpointRouteBuilderExtensions.MapGraphQL"/>.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to <see cref="GraphQLServerOptions"/> (defaults documented there); may be null.</param>
    public static IServiceCollection AddGraphQLHttp(this IServiceCollection services, Action<GraphQLServerOptions>? configure = null)
    {
        services.AddGraphQLExecutor(configure);
        if (services.Any(d => d.ServiceType == typeof(GraphQLEndpoint)))
        {
            return services;
        }

        services.AddSingleton<GraphQLEndpointPath>();
        services.AddSingleton<GraphQLHttpRequestParser>();
        services.AddSingleton<GraphQLResponseWriter>();
        services.AddSingleton<SchemaSdlProvider>();
        services.AddSingleton<GraphQLHttpHandler>();
        services.AddSingleton<GraphQLEndpoint>();
        return services;
    }
}
