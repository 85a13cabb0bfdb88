using GraphQL;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Benchmarks.Shop;

/// <summary>
/// The N+1 baseline: one statement per parent. Each call takes its own pooled DbContext because GraphQL.NET
/// resolves siblings concurrently and a DbContext allows one operation at a time.
/// </summary>
[GraphQLMetadata("Order")]
internal sealed class PerParentOrderResolvers(IDbContextFactory<ShopDbContext> contexts)
{
    public async Task<Customer?> Customer([FromSource] Order order, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Customers.AsNoTracking().FirstOrDefaultAsync(c => c.Id == order.CustomerId, ct);
    }

    public async Task<IReadOnlyList<OrderItem>> Items([FromSource] Order order, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.OrderItems.AsNoTracking().Where(i => i.OrderId == order.Id).OrderBy(i => i.Id).ToListAsync(ct);
    }
}

[GraphQLMetadata("OrderItem")]
internal sealed class PerParentOrderItemResolvers(IDbContextFactory<ShopDbContext> contexts)
{
    public async Task<Product?> Product([FromSource] OrderItem item, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.Products.AsNoTracking().FirstOrDefaultAsync(p => p.Id == item.ProductId, ct);
    }
}
