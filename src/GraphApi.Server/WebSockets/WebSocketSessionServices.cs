using GraphApi.Server.Streaming;
using GraphQL;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.WebSockets;

/// <summary>The singletons every WebSocket session needs, bundled so the protocol classes stay small.</summary>
internal sealed class WebSocketSessionServices(
    IOptions<GraphQLWebSocketOptions> options,
    IGraphQLTextSerializer serializer,
    IWebSocketAuthenticator authenticator,
    GraphQLOperationRunner runner,
    TimeProvider timeProvider,
    ILogger<WebSocketSession> logger)
{
    public GraphQLWebSocketOptions Options => options.Value;

    public IGraphQLTextSerializer Serializer => serializer;

    public IWebSocketAuthenticator Authenticator => authenticator;

    public GraphQLOperationRunner Runner => runner;

    public TimeProvider TimeProvider => timeProvider;

    public ILogger Logger => logger;
}
