namespace GraphApi.Orders;

/// <summary>Stored as an int so sorting follows declaration order (PENDING &lt; … &lt; CANCELLED).</summary>
internal enum OrderStatus
{
    Pending = 0,
    Paid = 1,
    Shipped = 2,
    Delivered = 3,
    Cancelled = 4,
}
