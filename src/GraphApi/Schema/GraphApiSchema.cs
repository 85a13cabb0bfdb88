using GraphApi.Errors;
using GraphApi.Server;

namespace GraphApi.Schema;

/// <summary>The application's root types and shared error type; each feature binds its own (AddUsers, AddOrders...).</summary>
internal static class GraphApiSchema
{
    public static GraphQLServerBuilder AddRootTypes(this GraphQLServerBuilder builder) => builder.ConfigureSchema(schema => schema
        .AddResolvers<QueryResolvers>()
        .AddResolvers<MutationResolvers>()
        .AddResolvers<SubscriptionResolvers>()
        .MapObject<ValidationError>("ValidationError"));
}
