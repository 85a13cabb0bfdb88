using GraphQL;
using GraphQL.DataLoader;

namespace GraphApi.Benchmarks.Shop;

/// <summary>The app's way: related rows through per-request DataLoaders, one statement per level.</summary>
[GraphQLMetadata("Order")]
internal sealed class BatchedOrderResolvers
{
    public IDataLoaderResult<Customer?> Customer([FromSource] Order order, [FromServices] CustomerByIdLoader customers) =>
        customers.LoadAsync(order.CustomerId);

    public IDataLoaderResult<IReadOnlyList<OrderItem>> Items(
        [FromSource] Order order, [FromServices] ItemsByOrderLoader items) =>
        items.LoadAsync(order.Id);
}

[GraphQLMetadata("OrderItem")]
internal sealed class BatchedOrderItemResolvers
{
    public IDataLoaderResult<Product?> Product([FromSource] OrderItem item, [FromServices] ProductByIdLoader products) =>
        products.LoadAsync(item.ProductId);
}
