using GraphApi.Errors;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Server.Schema;
using GraphApi.Users;

namespace GraphApi.Schema;

/// <summary>The application's half of the schema: every feature's bindings and services.</summary>
internal static class GraphApiSchema
{
    public static void Bind(SchemaFirstOptions schema) => schema
        .AddResolvers<QueryResolvers>()
        .AddResolvers<MutationResolvers>()
        .AddResolvers<SubscriptionResolvers>()
        .MapObject<ValidationError>("ValidationError")
        .AddUsers()
        .AddProducts()
        .AddOrders();

    public static IServiceCollection AddFeatureServices(this IServiceCollection services) => services
        .AddUserServices()
        .AddProductServices()
        .AddOrderServices();
}
