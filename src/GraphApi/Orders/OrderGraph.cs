using GraphApi.Data.Conventions;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Execution.InputLimits;
using GraphApi.Server.PubSub;
using GraphApi.Server.Schema;

namespace GraphApi.Orders;

/// <summary>Binds the Orders feature to the SDL (schema/orders.graphql).</summary>
internal static class OrderGraph
{
    public const string TypeName = "Order";

    public static SchemaFirstOptions AddOrders(this SchemaFirstOptions schema) => schema
        .AddNode<Order, int>(TypeName, o => o.Id, (context, id) =>
            context.RequestServices!.GetRequiredService<OrderByIdLoader>().LoadAsync(id))
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

    public static IServiceCollection AddOrderServices(this IServiceCollection services) => services
        .AddDataLoader<OrderByIdLoader>()
        .AddDataLoader<OrderItemsByOrderLoader>()
        .AddQueryableMapping<Order>(m => m
            .Key(o => o.Id)
            .Field("total", o => o.Total, MoneyConverter.ProblemWith))
        .AddInProcessPubSub() // the default bus; a distributed one registered earlier takes precedence
        .AddScoped<OrderEventPublisher>()
        .AddScoped<OrderPlacement>()
        .AddInputListLimit(PlaceOrderRules.ItemsLimitPath, PlaceOrderRules.MaxInputLines)
        .AddScoped<OrderStatusChanges>();
}
