namespace GraphApi.Orders;

internal enum OrderEventKind
{
    Placed,
    StatusChanged,
}

/// <summary>An event of <c>orderStatusChanged(orderId:)</c>.</summary>
internal sealed record OrderStatusChange(Order Order, OrderStatus PreviousStatus, OrderStatus Status, DateTime ChangedAt);

/// <summary>An event of <c>orderEvents</c>: every placement and status change.</summary>
internal sealed record OrderEvent(
    OrderEventKind Kind, Order Order, OrderStatus? PreviousStatus, OrderStatus Status, DateTime OccurredAt);
