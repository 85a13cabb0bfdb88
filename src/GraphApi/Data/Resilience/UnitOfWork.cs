using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphApi.Data.Resilience;

/// <summary>Explicit transactions under the context's execution strategy, so a transient failure replays the whole unit.</summary>
internal static class UnitOfWork
{
    /// <summary>
    /// Runs <paramref name="work"/> in a new transaction, again from the start (with a cleared change tracker) when a
    /// transient failure interrupts it. <paramref name="work"/> commits; a transaction it leaves open is rolled back.
    /// Side effects outside the database (events) belong after this call. On SQLite the unit first waits for its turn
    /// at the <see cref="AppDbContext.WriteGate"/>, so this process's writers never collide on SQLITE_BUSY.
    /// </summary>
    public static Task<T> InTransactionAsync<T>(
        this AppDbContext db, Func<IDbContextTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        return strategy.ExecuteAsync(async ct =>
        {
            db.ChangeTracker.Clear();
            using var turn = db.WriteGate is { } gate ? await gate.EnterAsync(ct) : null;
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            return await work(transaction, ct);
        }, cancellationToken);
    }
}
