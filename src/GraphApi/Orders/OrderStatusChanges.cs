using GraphApi.Data;
using GraphApi.Server;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Orders;

/// <summary>
/// <c>cancelOrder</c> and <c>updateOrderStatus</c>: one transaction that moves the order along the state machine
/// (cancelling restores stock) and publishes STATUS_CHANGED after the commit. A write that loses the optimistic
/// concurrency check (<see cref="Order.Version"/>) reloads the order and decides again from its new status.
/// </summary>
internal sealed class OrderStatusChanges(AppDbContext db, TimeProvider clock, OrderEventPublisher events)
{
    // A lost race re-decides from the winner's status, which normally refuses the move; more rounds only
    // matter under a burst of writers to one order.
    private const int MaxAttempts = 3;

    public async Task<CancelOrderPayload> CancelAsync(
        string orderId, int orderKey, int callerId, bool callerIsAdmin, CancellationToken cancellationToken)
    {
        var (order, errors) = await ChangeAsync(
            orderId, orderKey, OrderStatus.Cancelled, o => callerIsAdmin || o.CustomerId == callerId, cancellationToken);
        return new CancelOrderPayload(order, errors);
    }

    public async Task<UpdateOrderStatusPayload> UpdateStatusAsync(
        string orderId, int orderKey, OrderStatus status, CancellationToken cancellationToken)
    {
        var (order, errors) = await ChangeAsync(orderId, orderKey, status, _ => true, cancellationToken);
        return new UpdateOrderStatusPayload(order, errors);
    }

    private async Task<(Order? Order, IReadOnlyList<object>? Errors)> ChangeAsync(
        string orderId, int orderKey, OrderStatus target, Func<Order, bool> callerMayChange, CancellationToken cancellationToken)
    {
        for (var attempt = 1; ; attempt++)
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var order = await db.Orders.Include(o => o.Items).SingleOrDefaultAsync(o => o.Id == orderKey, cancellationToken);
            if (order is null || !callerMayChange(order))
            {
                // Someone else's order answers exactly like a missing one: no existence leak.
                return (null, [new OrderNotFoundError($"No order has the ID '{orderId}'.", orderId)]);
            }

            var previous = order.Status;
            if (!OrderStateMachine.CanMove(previous, target))
            {
                return (null, [new InvalidStatusTransitionError(
                    $"An order cannot move from {EnumName(previous)} to {EnumName(target)}.", previous, target)]);
            }

            order.Status = target;
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateConcurrencyException) when (attempt < MaxAttempts)
            {
                continue; // disposing the transaction rolls it back; the next round reloads the order
            }

            if (target == OrderStatus.Cancelled)
            {
                await RestoreStockAsync(order.Items, cancellationToken);
            }

            await transaction.CommitAsync(CancellationToken.None);
            await events.PublishAsync(new OrderEventMessage(
                order.Id, order.CustomerId, OrderEventKind.StatusChanged, previous, target, order.UpdatedAt));
            return (order, null);
        }
    }

    private async Task RestoreStockAsync(IEnumerable<OrderItem> items, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNowTruncated();
        foreach (var product in items.GroupBy(i => i.ProductId).OrderBy(g => g.Key))
        {
            var productId = product.Key;
            var quantity = product.Sum(i => i.Quantity);
            await db.Products
                .Where(p => p.Id == productId)
                .ExecuteUpdateAsync(
                    set => set.SetProperty(p => p.Stock, p => p.Stock + quantity).SetProperty(p => p.UpdatedAt, now),
                    cancellationToken);
        }
    }

    /// <summary>The SDL spelling of a status (PENDING, CANCELLED), as clients see it.</summary>
    private static string EnumName(OrderStatus status) => status.ToString().ToUpperInvariant();
}
