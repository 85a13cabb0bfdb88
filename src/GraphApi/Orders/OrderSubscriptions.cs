using System.Runtime.CompilerServices;
using GraphApi.Auth;
using GraphApi.Data;
using GraphApi.Orders;
using GraphApi.Server.Authorization;
using GraphApi.Server.Execution;
using GraphApi.Server.PubSub;
using GraphApi.Server.Schema.Nodes;
using GraphQL;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Schema;

internal sealed partial class SubscriptionResolvers
{
    /// <summary>
    /// Status changes of one order, for its owner or an admin. Decided when the subscription starts: an unknown order
    /// is NOT_FOUND for admins and AUTH_NOT_AUTHORIZED for customers, so customers learn nothing of others' orders.
    /// </summary>
    [GraphQLMetadata("orderStatusChanged", ResolverType = ResolverType.StreamResolver)]
    public async Task<IAsyncEnumerable<OrderEventMessage>> OrderStatusChangedStream(
        string orderId,
        IResolveFieldContext context,
        [FromServices] AppDbContext db,
        [FromServices] IAuthorizationService authorization,
        [FromServices] ITopicEventReceiver events)
    {
        var id = GlobalId.Parse<int>(orderId, OrderGraph.TypeName);
        var order = await db.Orders.Untracked().FirstOrDefaultAsync(o => o.Id == id, context.CancellationToken);
        if (order is null && context.User.IsAdmin())
        {
            throw new ExecutionError($"Order '{orderId}' does not exist.") { Code = ErrorCodes.NotFound };
        }

        // The same policy that guards the Order type everywhere else decides who may follow it.
        if (order is null || !(await authorization.AuthorizeAsync(context.User!, order, AppPolicies.OrderOwnerOrAdmin)).Succeeded)
        {
            throw AuthorizationErrors.NotAuthorized();
        }

        var subscription = await events.SubscribeAsync<OrderEventMessage>(OrderTopics.Order(id), context.CancellationToken);
        return StatusChanges(subscription);
    }

    [GraphQLMetadata("orderStatusChanged")]
    public OrderStatusChange OrderStatusChanged([FromSource] OrderEventMessage message) =>
        new(message.OrderId, message.PreviousStatus ?? message.Status, message.Status, message.OccurredAt);

    /// <summary>Every placement and status change, for admin dashboards.</summary>
    [GraphQLMetadata("orderEvents", ResolverType = ResolverType.StreamResolver)]
    public async Task<IAsyncEnumerable<OrderEventMessage>> OrderEventsStream(
        IResolveFieldContext context, [FromServices] ITopicEventReceiver events) =>
        Owned(await events.SubscribeAsync<OrderEventMessage>(OrderTopics.AllOrders, context.CancellationToken));

    [GraphQLMetadata("orderEvents")]
    public OrderEvent OrderEvents([FromSource] OrderEventMessage message) =>
        new(message.Kind, message.OrderId, message.PreviousStatus, message.Status, message.OccurredAt);

    private static async IAsyncEnumerable<OrderEventMessage> StatusChanges(
        ITopicSubscription<OrderEventMessage> subscription, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await foreach (var message in Owned(subscription).WithCancellation(cancellationToken))
        {
            if (message.Kind == OrderEventKind.StatusChanged)
            {
                yield return message;
            }
        }
    }

    /// <summary>Enumerates the subscription and disposes it (unsubscribing) when the client stops listening.</summary>
    private static async IAsyncEnumerable<T> Owned<T>(
        ITopicSubscription<T> subscription, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        await using (((IAsyncDisposable)subscription).ConfigureAwait(false))
        {
            await foreach (var message in subscription.WithCancellation(cancellationToken))
            {
                yield return message;
            }
        }
    }
}
