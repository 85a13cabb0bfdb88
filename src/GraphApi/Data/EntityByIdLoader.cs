using GraphApi.Server.DataLoading;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data;

/// <summary>Loads entities of one type by primary key, every key wanted in a request in one query (read-only).</summary>
/// <remarks>
/// The keys go as one array parameter (<c>EF.Parameter</c>: <c>json_each</c> on SQLite, <c>= ANY</c> on PostgreSQL):
/// with EF Core's default of one parameter per key the SQL depends on the number of keys, so EF Core cannot cache it
/// and generated it again for every batch (perf, S2). SQLite plans both forms as index lookups.
/// </remarks>
internal sealed class EntityByIdLoader<T>(AppDbContext db) : BatchDataLoader<int, T>
    where T : class, IEntity
{
    protected override async Task<IReadOnlyDictionary<int, T>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        await db.Set<T>().Untracked().Where(e => EF.Parameter(keys).Contains(e.Id)).ToDictionaryAsync(e => e.Id, cancellationToken);
}
