using GraphApi.Server.DataLoading;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Benchmarks.Shop;

internal sealed class CustomerByIdLoader(ShopDbContext db) : BatchDataLoader<int, Customer>
{
    protected override async Task<IReadOnlyDictionary<int, Customer>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        await db.Customers.AsNoTracking().Where(c => keys.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
}

internal sealed class ProductByIdLoader(ShopDbContext db) : BatchDataLoader<int, Product>
{
    protected override async Task<IReadOnlyDictionary<int, Product>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
}

internal sealed class ItemsByOrderLoader(ShopDbContext db) : GroupDataLoader<int, OrderItem>
{
    protected override async Task<ILookup<int, OrderItem>> LoadGroupsAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var items = await db.OrderItems.AsNoTracking()
            .Where(i => keys.Contains(i.OrderId))
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return items.ToLookup(i => i.OrderId);
    }
}
