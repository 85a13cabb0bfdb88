using GraphApi.Server.Http;
using GraphApi.Server.Streaming;
using GraphApi.Server.WebSockets;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Sse;

/// <summary>Registration of GraphQL over Server-Sent Events.</summary>
public static class SseServiceCollectionExtensions
{
    /// <summary>
    /// Serves GraphQL over SSE (graphql-sse, distinct connections mode) on the GraphQL path: requests that accept
    /// <c>text/event-stream</c>, POST for any operation, GET for queries and subscriptions. Options
    /// (<see cref="SseOptions"/>, defaults documented there) are bound from the <c>Sse</c> sub-section.
    /// </summary>
    public static GraphQLServerBuilder AddSse(this GraphQLServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.BindOptions<SseOptions>("Sse");
        builder.Services.AddGraphQLSse();
        return builder;
    }

    /// <summary>The services of <see cref="AddSse"/> without configuration binding. Safe to call more than once.</summary>
    internal static IServiceCollection AddGraphQLSse(this IServiceCollection services, Action<SseOptions>? configure = null)
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
