namespace GraphApi.Orders;

internal sealed record OutOfStockError(string Message, string ProductId, int Requested, int Available);

internal sealed record OrderNotFoundError(string Message, string OrderId);

internal sealed record InvalidStatusTransitionError(string Message, OrderStatus From, OrderStatus To);
