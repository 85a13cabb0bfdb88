using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Benchmarks.Shop;

/// <summary>Root lists as IQueryable: the runtime's connection decorator filters, sorts and pages them in SQL.</summary>
[GraphQLMetadata("Query")]
internal sealed class ShopQueryResolvers(ShopDbContext db)
{
    public IQueryable<Product> Products() => db.Products.AsNoTracking();

    public IQueryable<Order> Orders() => db.Orders.AsNoTracking();
}
