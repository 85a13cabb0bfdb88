using GraphApi.Server.PubSub;

namespace GraphApi.Orders;

/// <summary>Publishes order events to the order's own topic and to the all-orders topic.</summary>
internal sealed class OrderEventPublisher(ITopicEventSender sender, ILogger<OrderEventPublisher> logger)
{
    /// <summary>
    /// Call only after the change committed. A failing bus is logged, not thrown: the change is already durable,
    /// and the caller must still get its answer.
    /// </summary>
    public async Task PublishAsync(OrderEventMessage message)
    {
        try
        {
            // CancellationToken.None: the client hanging up must not suppress the event of a committed change.
            await sender.SendAsync(OrderTopics.Order(message.OrderId), message, CancellationToken.None);
            await sender.SendAsync(OrderTopics.AllOrders, message, CancellationToken.None);
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Publishing the {Kind} event of order {OrderId} failed.", message.Kind, message.OrderId);
        }
    }
}
