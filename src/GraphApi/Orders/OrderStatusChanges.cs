using GraphApi.Data;
using GraphApi.Data.Resilience;
using GraphApi.Server;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphApi.Orders;

/// <summary>
/// <c>cancelOrder</c> and <c>updateOrderStatus</c>: one transaction (replayed on a transient failure) that moves the order along the state machine
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
            var lastAttempt = attempt == MaxAttempts;
            var outcome = await db.InTransactionAsync(
                (transaction, ct) => ChangeOnceAsync(orderId, orderKey, target, callerMayChange, lastAttempt, transaction, ct),
                cancellationToken);
            if (outcome is null)
            {
                continue; // lost the optimistic race: the next round reloads the order
            }

            if (outcome.Changed is { } changed)
            {
                await events.PublishAsync(changed);
            }

            return (outcome.Order, outcome.Errors);
        }
    }

    /// <summary>One transaction; null when the write lost the concurrency check and another round may decide again.</summary>
    private async Task<Outcome?> ChangeOnceAsync(
        string orderId, int orderKey, OrderStatus target, Func<Order, bool> callerMayChange, bool lastAttempt,
        IDbContextTransaction transaction, CancellationToken cancellationToken)
    {
        var order = await db.Orders.Include(o => o.Items).SingleOrDefaultAsync(o => o.Id == orderKey, cancellationToken);
        if (order is null || !callerMayChange(order))
        {
            // Someone else's order answers exactly like a missing one: no existence leak.
            return new Outcome(null, [new OrderNotFoundError($"No order has the ID '{orderId}'.", orderId)], null);
        }

        var previous = order.Status;
        if (!OrderStateMachine.CanMove(previous, target))
        {
            return new Outcome(null, [new InvalidStatusTransitionError(
                $"An order cannot move from {EnumName(previous)} to {EnumName(target)}.", previous, target)], null);
        }

        order.Status = target;
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException) when (!lastAttempt)
        {
            return null; // disposing the transaction rolls it back
        }

        if (target == OrderStatus.Cancelled)
        {
            await RestoreStockAsync(order.Items, cancellationToken);
        }

        await transaction.CommitAsync(CancellationToken.None);
        return new Outcome(order, null, new OrderEventMessage(
            order.Id, order.CustomerId, OrderEventKind.StatusChanged, previous, target, order.UpdatedAt));
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

    private sealed record Outcome(Order? Order, IReadOnlyList<object>? Errors, OrderEventMessage? Changed);

    /// <summary>The SDL spelling of a status (PENDING, CANCELLED), as clients see it.</summary>
    private static string EnumName(OrderStatus status) => status.ToString().ToUpperInvariant();
}
