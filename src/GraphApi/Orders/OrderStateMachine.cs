namespace GraphApi.Orders;

/// <summary>
/// The order life cycle (docs/rules.md, "Access"): PENDING → PAID → SHIPPED → DELIVERED, and PENDING or PAID →
/// CANCELLED. Every other move, staying in the same status included, is refused.
/// </summary>
internal static class OrderStateMachine
{
    public static bool CanMove(OrderStatus from, OrderStatus to) => (from, to) switch
    {
        (OrderStatus.Pending, OrderStatus.Paid) => true,
        (OrderStatus.Paid, OrderStatus.Shipped) => true,
        (OrderStatus.Shipped, OrderStatus.Delivered) => true,
        (OrderStatus.Pending or OrderStatus.Paid, OrderStatus.Cancelled) => true,
        _ => false,
    };
}
