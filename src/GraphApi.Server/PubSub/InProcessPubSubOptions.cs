namespace GraphApi.Server.PubSub;

/// <summary>Options of the in-process topic bus (<c>services.AddInProcessPubSub()</c>).</summary>
public sealed class InProcessPubSubOptions
{
    /// <summary>
    /// How many undelivered messages each subscriber may hold. When a slow subscriber's buffer is full, its OLDEST
    /// message is dropped to make room (a warning is logged), so a publisher never waits and memory stays bounded.
    /// Default: 1024.
    /// </summary>
    public int SubscriberBufferCapacity { get; set; } = 1024;
}
