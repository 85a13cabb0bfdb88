using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphApi.Data.Resilience;

/// <summary>Explicit transactions under the context's execution strategy, so a transient failure replays the whole unit.</summary>
internal static class UnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in a new transaction, again from the start (with a cleared change tracker) when a
    /// transient failure interrupts it. <paramref name="work"/> commits; a transaction it leaves open is rolled back.
    /// Side effects outside the database (events) belong after this call. On SQLite the unit queues at the
    /// <see cref="AppDbContext.WriteQueue"/> and commits with the units queued beside it, so this process's writers
    /// never collide on SQLITE_BUSY; SQLite retries nothing, so no replay is needed there.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this AppDbContext db, Func<IDbContextTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (db.WriteQueue is { } queue)
        {
            return queue.RunAsync(db, work, cancellationToken);
        }

        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            return await work(transaction, ct);
        }, cancellationToken);
    }
}
