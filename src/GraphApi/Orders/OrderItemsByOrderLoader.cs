using GraphApi.Data;
using GraphApi.Server.DataLoading;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Orders;

/// <summary>The lines of many orders in one statement, in line order; the keys as one array parameter, as <see cref="EntityByIdLoader{T}"/> explains.</summary>
internal sealed class OrderItemsByOrderLoader(AppDbContext db) : GroupDataLoader<int, OrderItem>
{
    protected override async Task<ILookup<int, OrderItem>> LoadGroupsAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        var items = await db.OrderItems.Untracked()
            .Where(i => EF.Parameter(keys).Contains(i.OrderId))
            .OrderBy(i => i.Id)
            .ToListAsync(cancellationToken);
        return items.ToLookup(i => i.OrderId);
    }
}
