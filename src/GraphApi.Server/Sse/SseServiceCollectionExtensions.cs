using GraphApi.Server.Http;
using GraphApi.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Sse;

/// <summary>Registration of GraphQL over Server-Sent Events.</summary>
public static class SseServiceCollectionExtensions
{
    /// <summary>
    /// Serves GraphQL over SSE (graphql-sse, distinct connections mode) on the GraphQL path: requests that accept
    /// <c>text/event-stream</c>, POST for any operation, GET for queries and subscriptions. Needs
    /// <c>AddGraphQLHttp</c>/<c>AddGraphQLServer</c> as well. Safe to call more than once.
    /// </summary>
    /// <param name="services">The service collection.</param>
    /// <param name="configure">Changes to <see cref="SseOptions"/> (defaults documented there); may be null.</param>
    public static IServiceCollection AddGraphQLSse(this IServiceCollection services, Action<SseOptions>? configure = null)
    {
        var options = services.AddOptions<SseOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        if (services.Any(d => d.ImplementationType == typeof(SseTransport)))
        {
            return services;
        }

        services.AddGraphQLStreaming();
        services.AddSingleton<IGraphQLTransport, SseTransport>();
        return services;
    }
}
