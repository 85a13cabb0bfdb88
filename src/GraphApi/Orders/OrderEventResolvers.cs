using GraphApi.Data;
using GraphQL;
using GraphQL.DataLoader;

namespace GraphApi.Orders;

/// <summary>
/// The <c>order</c> of a subscription event, loaded in the event's own scope through the same loader as queries,
/// so each event shows the order as it is now and the Order policy is checked again for every event.
/// </summary>
[GraphQLMetadata("OrderStatusChange")]
internal sealed class OrderStatusChangeResolvers
{
    public IDataLoaderResult<Order?> Order([FromSource] OrderStatusChange change, [FromServices] EntityByIdLoader<Order> orders) =>
        orders.LoadAsync(change.OrderId);
}

[GraphQLMetadata("OrderEvent")]
internal sealed class OrderEventResolvers
{
    public IDataLoaderResult<Order?> Order([FromSource] OrderEvent orderEvent, [FromServices] EntityByIdLoader<Order> orders) =>
        orders.LoadAsync(orderEvent.OrderId);
}
