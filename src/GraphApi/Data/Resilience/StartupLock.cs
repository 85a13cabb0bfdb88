using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data.Resilience;

/// <summary>
/// Start-up work (migrations, admin bootstrap, seeding) that must not interleave between instances: on PostgreSQL it
/// runs under a session advisory lock, so instances starting at once take turns.
/// </summary>
internal static class StartupLock
{
    /// <summary>Any fixed key will do as long as every instance uses the same one ("GraphApi" in ASCII).</summary>
    private const long Key = 0x4772617068417069;

    public static async Task RunExclusiveAsync(AppDbContext db, Func<Task> work, CancellationToken cancellationToken)
    {
        if (!db.Database.IsNpgsql())
        {
            await work(); // SQLite: one file, written by one process at a time anyway
            return;
        }

        // The lock belongs to the session; keeping the context's connection open holds it for the whole work.
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({Key})", cancellationToken);
            try
            {
                await work();
            }
            finally
            {
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({Key})", CancellationToken.None);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
