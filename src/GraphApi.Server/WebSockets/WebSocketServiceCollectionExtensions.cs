using GraphApi.Server.Http;
using GraphApi.Server.Streaming;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphApi.Server.WebSockets;

/// <summary>Registration of GraphQL over WebSocket.</summary>
public static class WebSocketServiceCollectionExtensions
{
    /// <summary>
    /// Serves GraphQL over WebSocket on the GraphQL path: the graphql-transport-ws subprotocol (npm graphql-ws) and
    /// the legacy graphql-ws subprotocol (Apollo subscriptions-transport-ws); queries, mutations and subscriptions.
    /// Options (<see cref="GraphQLWebSocketOptions"/>, defaults documented there) are bound from the
    /// <c>WebSockets</c> sub-section; a zero operation cap, queue bound or send timeout stops start-up. Connections
    /// authenticate through <see cref="IWebSocketAuthenticator"/> (register your own singleton; the default uses the
    /// upgrade request's user). The app must call <c>app.UseWebSockets()</c> BEFORE <c>app.MapGraphQL()</c>.
    /// </summary>
    public static GraphQLServerBuilder AddWebSockets(this GraphQLServerBuilder builder)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.BindOptions<GraphQLWebSocketOptions>("WebSockets");
        builder.Services.AddGraphQLWebSockets();
        return builder;
    }

    /// <summary>The services of <see cref="AddWebSockets"/> without configuration binding. Safe to call more than once.</summary>
    internal static IServiceCollection AddGraphQLWebSockets(this IServiceCollection services, Action<GraphQLWebSocketOptions>? configure = null)
    {
        var options = services.AddOptions<GraphQLWebSocketOptions>();
        if (configure is not null)
        {
            options.Configure(configure);
        }

        // A zero limit or timeout would refuse or close every socket: a configuration mistake stops start-up instead.
        options
            .Validate(o => o.MaxOperationsPerConnection >= 1, "GraphQLWebSocketOptions.MaxOperationsPerConnection must be at least 1.")
            .Validate(o => o.MaxOutboundQueueBytes >= 1, "GraphQLWebSocketOptions.MaxOutboundQueueBytes must be at least 1.")
            .Validate(o => o.SendTimeout > TimeSpan.Zero, "GraphQLWebSocketOptions.SendTimeout must be positive.")
            .ValidateOnStart();

        if (services.Any(d => d.ImplementationType == typeof(WebSocketTransport)))
        {
            return services;
        }

        services.AddGraphQLStreaming();
        services.TryAddSingleton<IWebSocketAuthenticator, HttpContextUserAuthenticator>();
        services.AddSingleton<WebSocketSessionServices>();
        services.AddSingleton<IGraphQLTransport, WebSocketTransport>();
        return services;
    }
}
