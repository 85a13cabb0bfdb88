using GraphApi.Data;
using GraphApi.Products;
using GraphQL;
using GraphQL.DataLoader;

namespace GraphApi.Orders;

[GraphQLMetadata("OrderItem")]
internal sealed class OrderItemResolvers
{
    public IDataLoaderResult<Product?> Product([FromSource] OrderItem item, [FromServices] EntityByIdLoader<Product> products) =>
        products.LoadAsync(item.ProductId);
}
