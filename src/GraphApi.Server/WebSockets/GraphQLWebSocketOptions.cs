namespace GraphApi.Server.WebSockets;

/// <summary>Options of GraphQL over WebSocket (both subprotocols).</summary>
public sealed class GraphQLWebSocketOptions
{
    /// <summary>
    /// How long a client may take after the upgrade to send <c>connection_init</c>; graphql-transport-ws closes
    /// with 4408 when it passes (the legacy protocol closes with the same code). Default: 10 seconds.
    /// </summary>
    public TimeSpan ConnectionInitTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Interval of server keep-alive messages after the connection is acknowledged: <c>ping</c> in
    /// graphql-transport-ws, <c>ka</c> in the legacy graphql-ws protocol. <see cref="TimeSpan.Zero"/> disables them.
    /// Default: 5 seconds.
    /// </summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Events one subscription may hold while the client reads too slowly. When the buffer is full the OLDEST
    /// pending event is dropped (and logged at Debug level) so memory stays bounded and the client still gets the
    /// newest state; the socket stays open. Default: 64.
    /// </summary>
    public int SubscriptionBufferCapacity { get; set; } = 64;

    /// <summary>
    /// Largest accepted client message in bytes; a larger one closes the socket with 1009 (message too big).
    /// Default: 1,048,576 (1 MiB, the same as the HTTP body limit).
    /// </summary>
    public int MaxMessageBytes { get; set; } = 1_048_576;

    /// <summary>
    /// Operations one connection may have in flight at once (running, or sending their last message). A
    /// <c>subscribe</c> (legacy: <c>start</c>) beyond it is answered with an <c>error</c> message whose code is
    /// MAX_OPERATIONS_EXCEEDED; the socket stays open. Default: 100.
    /// </summary>
    public int MaxOperationsPerConnection { get; set; } = 100;

    /// <summary>
    /// Bytes of serialized messages that may wait for one client. While they wait, further messages wait for room
    /// BEFORE they are serialized (a subscription then drops its oldest events, see
    /// <see cref="SubscriptionBufferCapacity"/>), so a slow or stalled reader costs bounded memory. A single message
    /// is always accepted when nothing else waits, however large. Default: 1,048,576 (1 MiB).
    /// </summary>
    public int MaxOutboundQueueBytes { get; set; } = 1_048_576;

    /// <summary>
    /// Longest time the client may take to accept one message. A client that takes longer stopped reading: the
    /// waiting messages are dropped, its operations stop and the socket is closed with 1008 (policy violation); if
    /// it does not read even the close frame within a short grace period, the connection is aborted. So no send
    /// hangs forever. Default: 10 seconds.
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);
}
