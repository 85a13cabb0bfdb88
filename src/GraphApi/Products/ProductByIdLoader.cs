using GraphApi.Data;
using GraphApi.Server.DataLoading;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Products;

internal sealed class ProductByIdLoader(AppDbContext db) : BatchDataLoader<int, Product>
{
    protected override async Task<IReadOnlyDictionary<int, Product>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        await db.Products.AsNoTracking().Where(p => keys.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);
}
