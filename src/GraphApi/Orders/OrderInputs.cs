namespace GraphApi.Orders;

// The CLR shapes of the order mutations' SDL input objects; GraphQL.NET fills them from the `input` argument.

internal sealed class PlaceOrderInput
{
    public IReadOnlyList<OrderLineInput> Items { get; init; } = [];
}

internal sealed class OrderLineInput
{
    public string ProductId { get; init; } = "";

    public int Quantity { get; init; }
}

internal sealed class CancelOrderInput
{
    public string OrderId { get; init; } = "";
}

internal sealed class UpdateOrderStatusInput
{
    public string OrderId { get; init; } = "";

    public OrderStatus Status { get; init; }
}
