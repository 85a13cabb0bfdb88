using GraphApi.Orders;
using GraphQL;

namespace GraphApi.Schema;

/// <summary>Resolves <c>Subscription</c>. Real-time delivery lands with the real-time issue; until then each stream fails clearly.</summary>
[GraphQLMetadata("Subscription")]
internal sealed class SubscriptionResolvers
{
    [GraphQLMetadata("orderStatusChanged", ResolverType = ResolverType.StreamResolver)]
    public IObservable<OrderStatusChange> OrderStatusChangedStream() => throw NotImplementedYet.Error("orderStatusChanged");

    [GraphQLMetadata("orderStatusChanged")]
    public OrderStatusChange OrderStatusChanged([FromSource] OrderStatusChange change) => change;

    [GraphQLMetadata("orderEvents", ResolverType = ResolverType.StreamResolver)]
    public IObservable<OrderEvent> OrderEventsStream() => throw NotImplementedYet.Error("orderEvents");

    [GraphQLMetadata("orderEvents")]
    public OrderEvent OrderEvents([FromSource] OrderEvent orderEvent) => orderEvent;
}
