using GraphApi.Data;
using GraphApi.Users;
using GraphQL;
using GraphQL.DataLoader;

namespace GraphApi.Orders;

/// <summary>Fields of <c>Order</c> that load related rows, batched per request.</summary>
[GraphQLMetadata(OrderGraph.TypeName)]
internal sealed class OrderResolvers
{
    public IDataLoaderResult<User?> Customer([FromSource] Order order, [FromServices] EntityByIdLoader<User> users) =>
        users.LoadAsync(order.CustomerId);

    public IDataLoaderResult<IReadOnlyList<OrderItem>> Items(
        [FromSource] Order order, [FromServices] OrderItemsByOrderLoader items) =>
        items.LoadAsync(order.Id);
}
