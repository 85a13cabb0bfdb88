namespace GraphApi.Server.PubSub.Redis;

/// <summary>
/// Options of the Redis topic bus (<c>services.AddRedisPubSub(configuration, configure)</c>), which carries topic
/// messages between server instances: each message is sent as JSON (System.Text.Json, web defaults, enums as
/// strings) on the Redis channel <see cref="ChannelPrefix"/> + topic, and each instance hands it to its own local
/// subscribers. A local subscriber receives the messages whose type is exactly its message type.
/// </summary>
/// <remarks>
/// <para>
/// Delivery is AT-MOST-ONCE. Redis pub/sub keeps nothing: a message published while Redis is unreachable (the sender
/// logs a warning and drops it), while an instance's channel subscription is being re-established after a reconnect,
/// or while a topic has no subscriber anywhere is lost, never replayed. A subscriber whose local buffer is full loses
/// its oldest messages, as with the in-process bus (<see cref="InProcessPubSubOptions.SubscriberBufferCapacity"/>,
/// default 1024, sizes that buffer here too).
/// </para>
/// <para>
/// The server starts and queries and mutations keep working while Redis is down: the connection never aborts on a
/// failed connect, sending never throws over Redis being away, and StackExchange.Redis reconnects in the background
/// and re-subscribes the channels of existing subscriptions, which then receive new messages again.
/// </para>
/// </remarks>
public sealed class RedisPubSubOptions
{
    /// <summary>
    /// Prefix of the Redis channel names, so several applications can share one Redis: topic <c>t</c> travels on
    /// channel <c>ChannelPrefix + t</c>. Instances that must see each other's messages need the same prefix.
    /// Default: <c>graphapi:</c>.
    /// </summary>
    public string ChannelPrefix { get; set; } = "graphapi:";
}
