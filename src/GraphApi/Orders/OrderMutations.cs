using GraphApi.Auth;
using GraphApi.Orders;
using GraphApi.Server.Schema.Nodes;
using GraphQL;

namespace GraphApi.Schema;

internal sealed partial class MutationResolvers
{
    /// <summary>Places an order for the caller (the SDL's <c>@authorize</c> guarantees one).</summary>
    public Task<PlaceOrderPayload> PlaceOrder(
        PlaceOrderInput input, IResolveFieldContext context, [FromServices] OrderPlacement placement) =>
        placement.PlaceAsync(OrderCaller.Id(context), input, context.CancellationToken);

    /// <summary>The owner or an ADMIN cancels; a malformed ID is INVALID_ID, someone else's order OrderNotFoundError.</summary>
    public Task<CancelOrderPayload> CancelOrder(
        CancelOrderInput input, IResolveFieldContext context, [FromServices] OrderStatusChanges changes) =>
        changes.CancelAsync(
            input.OrderId,
            GlobalId.Parse<int>(input.OrderId, OrderGraph.TypeName),
            OrderCaller.Id(context),
            context.User.IsAdmin(),
            context.CancellationToken);

    /// <summary>ADMIN only (the SDL's <c>@authorize(roles:)</c>).</summary>
    public Task<UpdateOrderStatusPayload> UpdateOrderStatus(
        UpdateOrderStatusInput input, IResolveFieldContext context, [FromServices] OrderStatusChanges changes) =>
        changes.UpdateStatusAsync(
            input.OrderId,
            GlobalId.Parse<int>(input.OrderId, OrderGraph.TypeName),
            input.Status,
            context.CancellationToken);
}
