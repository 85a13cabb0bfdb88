using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Users;
using GraphQL;

namespace GraphApi.Schema;

/// <summary>Resolves <c>Mutation</c>. The write side lands with the identity issue; until then each field says so.</summary>
[GraphQLMetadata("Mutation")]
internal sealed class MutationResolvers
{
    public RegisterUserPayload RegisterUser() => throw NotImplementedYet.Error("registerUser");

    public LoginPayload Login() => throw NotImplementedYet.Error("login");

    public PlaceOrderPayload PlaceOrder() => throw NotImplementedYet.Error("placeOrder");

    public CancelOrderPayload CancelOrder() => throw NotImplementedYet.Error("cancelOrder");

    public UpdateOrderStatusPayload UpdateOrderStatus() => throw NotImplementedYet.Error("updateOrderStatus");

    public CreateProductPayload CreateProduct() => throw NotImplementedYet.Error("createProduct");

    public RestockProductPayload RestockProduct() => throw NotImplementedYet.Error("restockProduct");
}
