using GraphApi.Server.DataLoading;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data;

/// <summary>Loads entities of one type by primary key, every key wanted in a request in one query (read-only).</summary>
internal sealed class EntityByIdLoader<T>(AppDbContext db) : BatchDataLoader<int, T>
    where T : class, IEntity
{
    protected override async Task<IReadOnlyDictionary<int, T>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        await db.Set<T>().AsNoTracking().Where(e => keys.Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
}
