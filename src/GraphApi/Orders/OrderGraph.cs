using GraphApi.Data;
using GraphApi.Data.Conventions;
using GraphApi.Server;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Execution.Cost;
using GraphApi.Server.Execution.InputLimits;
using GraphApi.Server.PubSub;
using GraphApi.Server.Schema;
using GraphApi.Server.Streaming;

namespace GraphApi.Orders;

/// <summary>The Orders feature: its SDL bindings (schema/orders.graphql) and its services.</summary>
internal static class OrderGraph
{
    public const string TypeName = "Order";

    public static GraphQLServerBuilder AddOrders(this GraphQLServerBuilder builder)
    {
        builder.ConfigureSchema(Bind);
        builder.Services
            .AddDataLoader<EntityByIdLoader<Order>>()
            .AddDataLoader<OrderItemsByOrderLoader>()
            .AddQueryableMapping<Order>(m => m
                .Key(o => o.Id)
                .Field("total", o => o.Total, MoneyConverter.ProblemWith))
            .AddInProcessPubSub() // the default bus; a distributed one registered earlier takes precedence
            .AddScoped<OrderEventPublisher>()
            .AddScoped<OrderPlacement>()
            .AddInputListLimit(PlaceOrderRules.ItemsLimitPath, PlaceOrderRules.MaxInputLines)
            .AddScoped<OrderStatusChanges>()

            // Dashboards of all ADMINs share one execution per event; customers only with themselves.
            .Configure<SubscriptionFanOutOptions>(fanOut => fanOut.Audience = SubscriptionAudience.Of)

            // An order has at most this many lines: its items list is never longer (configuration may override).
            .Configure<CostAnalysisOptions>(cost => cost.ListSizes.TryAdd("Order.items", PlaceOrderRules.MaxLines));
        return builder;
    }

    private static void Bind(SchemaFirstOptions schema) => schema
        .AddNode<Order, int, EntityByIdLoader<Order>>(TypeName, o => o.Id)
        .AddResolvers<OrderResolvers>()
        .AddResolvers<OrderItemResolvers>()
        .MapObject<OrderItem>("OrderItem")
        .MapEnum<OrderStatus>("OrderStatus")
        .MapEnum<OrderEventKind>("OrderEventKind")
        .AddResolvers<OrderStatusChangeResolvers>()
        .AddResolvers<OrderEventResolvers>()
        .MapObject<OrderStatusChange>("OrderStatusChange")
        .MapObject<OrderEvent>("OrderEvent")
        .MapObject<PlaceOrderPayload>("PlaceOrderPayload")
        .MapObject<UpdateOrderStatusPayload>("UpdateOrderStatusPayload")
        .MapObject<CancelOrderPayload>("CancelOrderPayload")
        .MapObject<OutOfStockError>("OutOfStockError")
        .MapObject<OrderNotFoundError>("OrderNotFoundError")
        .MapObject<InvalidStatusTransitionError>("InvalidStatusTransitionError");

}
