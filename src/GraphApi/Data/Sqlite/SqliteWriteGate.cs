using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace GraphApi.Data.Sqlite;

/// <summary>
/// SQLite allows one writer at a time. Rather than letting concurrent write transactions collide on SQLITE_BUSY
/// (Microsoft.Data.Sqlite then sleeps and retries, which made a 500 ms tail under load), writers of this process
/// queue here, one gate per database file, and enter the database one after another: a batch of units of work
/// (<see cref="SqliteWriteQueue"/>) or a save outside any unit.
/// </summary>
internal sealed class SqliteWriteGate
{
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> Gates = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);
    private int _waiting;

    /// <summary>The gate of the database <paramref name="connectionString"/> names (its data source, as given).</summary>
    public static SqliteWriteGate For(string? connectionString) =>
        Gates.GetOrAdd(new SqliteConnectionStringBuilder(connectionString).DataSource, _ => new SqliteWriteGate());

    /// <summary>Writers waiting for their turn right now (not counting the one inside).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>Waits for this writer's turn; disposing the result lets the next one in.</summary>
    public async ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        Interlocked.Increment(ref _waiting);
        try
        {
            await _turn.WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            Interlocked.Decrement(ref _waiting);
        }

        return new Turn(_turn);
    }

    private sealed class Turn(SemaphoreSlim turn) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                turn.Release();
            }
        }
    }
}
