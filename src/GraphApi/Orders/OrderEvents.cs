namespace GraphApi.Orders;

internal enum OrderEventKind
{
    Placed,
    StatusChanged,
}

/// <summary>An event of <c>orderStatusChanged(orderId:)</c>; its <c>order</c> loads fresh for each event.</summary>
internal sealed record OrderStatusChange(int OrderId, OrderStatus PreviousStatus, OrderStatus Status, DateTime ChangedAt);

/// <summary>An event of <c>orderEvents</c>: every placement and status change; its <c>order</c> loads fresh.</summary>
internal sealed record OrderEvent(
    OrderEventKind Kind, int OrderId, OrderStatus? PreviousStatus, OrderStatus Status, DateTime OccurredAt);
