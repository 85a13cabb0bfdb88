namespace GraphApi.Orders;

/// <summary>
/// A domain event of an order, published after its transaction committed. A plain serializable record (IDs and
/// values, no entities) so that any topic bus can carry it across processes.
/// </summary>
/// <param name="PreviousStatus">Null for <see cref="OrderEventKind.Placed"/>.</param>
internal sealed record OrderEventMessage(
    int OrderId,
    int CustomerId,
    OrderEventKind Kind,
    OrderStatus? PreviousStatus,
    OrderStatus Status,
    DateTime OccurredAt);
