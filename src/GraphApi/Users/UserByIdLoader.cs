using GraphApi.Data;
using GraphApi.Server.DataLoading;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Users;

internal sealed class UserByIdLoader(AppDbContext db) : BatchDataLoader<int, User>
{
    protected override async Task<IReadOnlyDictionary<int, User>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken) =>
        await db.Users.AsNoTracking().Where(u => keys.Contains(u.Id)).ToDictionaryAsync(u => u.Id, cancellationToken);
}
