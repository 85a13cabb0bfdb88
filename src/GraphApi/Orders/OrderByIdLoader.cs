using GraphApi.Data;
using GraphApi.Server.DataLoading;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Orders;

internal sealed class OrderByIdLoader(AppDbContext db) : BatchDataLoader<int, Order>
{
    protected override async Task<IReadOnlyDictionary<int, Order>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        await db.Orders.AsNoTracking().Where(o => keys.Contains(o.Id)).ToDictionaryAsync(o => o.Id, cancellationToken);
}
