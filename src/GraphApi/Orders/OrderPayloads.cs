namespace GraphApi.Orders;

internal sealed record PlaceOrderPayload(Order? Order, IReadOnlyList<object>? Errors);

internal sealed record UpdateOrderStatusPayload(Order? Order, IReadOnlyList<object>? Errors);

internal sealed record CancelOrderPayload(Order? Order, IReadOnlyList<object>? Errors);
