using GraphApi.Orders;

namespace GraphApi.Schema;

internal sealed partial class MutationResolvers
{
    public PlaceOrderPayload PlaceOrder() => throw NotImplementedYet.Error("placeOrder");

    public CancelOrderPayload CancelOrder() => throw NotImplementedYet.Error("cancelOrder");

    public UpdateOrderStatusPayload UpdateOrderStatus() => throw NotImplementedYet.Error("updateOrderStatus");
}
