using System.Collections.Concurrent;
using GraphApi.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphApi.Data.Sqlite;

/// <summary>
/// Group commit for SQLite's one writer. This process's units of work queue here, one queue per database file. A
/// writer takes up to <see cref="MaxBatch"/> of them, runs them one after another in one transaction, each in a
/// savepoint of its own, and commits them together.
/// </summary>
/// <remarks>
/// <para>
/// A commit appends every page it changed to the WAL: about 50 KB per placed order, a third of the time a write
/// held the database (perf, placeOrder under load). Units of one batch change the same pages (the tail of the
/// orders, their index, the products), so the batch writes them once; and the next unit starts at once instead
/// of waiting for a thread-pool thread to take the turn.
/// </para>
/// <para>
/// Each unit stays on its caller's context, which borrows the batch's connection and transaction, and runs in its
/// caller's execution context, so its statements are logged and traced with the request that made them. An
/// exception or a rollback undoes that unit's savepoint only. A caller hears of success once the batch has
/// committed; a failed commit fails every unit of the batch.
/// </para>
/// </remarks>
internal sealed class SqliteWriteQueue
{
    /// <summary>Enough to share a commit among every writer of a busy server; few enough to hold the database briefly.</summary>
    internal const int MaxBatch = 32;

    private static readonly ConcurrentDictionary<string, SqliteWriteQueue> Queues = new(StringComparer.Ordinal);

    private readonly Queue<QueuedWrite> _queued = new();
    private readonly SqliteWriteGate _gate;
    private readonly KeyValuePair<string, object?> _database;
    private bool _writing;

    private SqliteWriteQueue(SqliteWriteGate gate, string dataSource)
    {
        _gate = gate;
        _database = new(AppTelemetry.DatabaseTag, dataSource);
    }

    /// <summary>The queue of the database <paramref name="connectionString"/> names; its writers also take the file's <see cref="SqliteWriteGate"/>.</summary>
    public static SqliteWriteQueue For(string? connectionString) =>
        Queues.GetOrAdd(
            new SqliteConnectionStringBuilder(connectionString).DataSource,
            dataSource => new SqliteWriteQueue(SqliteWriteGate.For(connectionString), dataSource));

    /// <summary>
    /// Runs <paramref name="work"/> on <paramref name="db"/> in the next batch and returns its result once the batch
    /// has committed. <paramref name="work"/> commits through the transaction it is given; one it leaves open is
    /// rolled back. <paramref name="db"/> must stay untouched until this returns, as with any unit of work, and
    /// <paramref name="work"/> writes through it alone: another context would wait for the lock the batch holds.
    /// </summary>
    public Task<T> RunAsync<T>(
        AppDbContext db, Func<IDbContextTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    {
        if (QueuedWrite.IsRunning)
        {
            // It would wait for the writer, which waits for this unit: refused rather than hung.
            throw new InvalidOperationException(
                "A unit of work cannot begin another one; do all of its writes in the unit it already has.");
        }

        var write = new QueuedWrite<T>(db, work, cancellationToken);
        bool startWriter;
        lock (_queued)
        {
            _queued.Enqueue(write);
            startWriter = !_writing;
            _writing = true;
        }

        if (startWriter)
        {
            // The writer serves every caller, so it carries none of the first one's ambient state.
            using (ExecutionContext.SuppressFlow())
            {
                _ = Task.Run(WriteAllAsync);
            }
        }

        return write.Result;
    }

    /// <summary>
    /// Writes batches until the queue is empty; the next caller then starts a new writer. A batch is taken once the
    /// gate is entered, so the units that queued while an outside save held it join the batch.
    /// </summary>
    private async Task WriteAllAsync()
    {
        var batch = new List<QueuedWrite>(MaxBatch);
        while (true)
        {
            using (await _gate.EnterAsync(CancellationToken.None))
            {
                if (!TakeBatch(batch))
                {
                    return;
                }

                AppTelemetry.SqliteWriteBatchSize.Record(batch.Count, _database);
                await WriteBatchAsync(batch, _gate);
            }

            batch.Clear();
        }
    }

    /// <summary>Fills <paramref name="batch"/>, dropping units whose callers gave up; false (and no writer) when the queue is empty.</summary>
    private bool TakeBatch(List<QueuedWrite> batch)
    {
        lock (_queued)
        {
            while (batch.Count < MaxBatch && _queued.TryDequeue(out var write))
            {
                if (!write.CancelIfRequested())
                {
                    batch.Add(write);
                }
            }

            _writing = batch.Count > 0;
            return _writing;
        }
    }

    /// <summary>One transaction, begun on the first unit's context and lent to the others'.</summary>
    private static async Task WriteBatchAsync(List<QueuedWrite> batch, SqliteWriteGate gate)
    {
        var host = batch[0].Db.Database;
        try
        {
            await using var transaction = await host.BeginTransactionAsync(CancellationToken.None);
            var shared = new SharedTransaction(host.GetDbConnection(), transaction.GetDbTransaction(), gate);
            foreach (var write in batch)
            {
                await write.RunAsync(shared, hostsTransaction: ReferenceEquals(write, batch[0]));
            }

            await transaction.CommitAsync(CancellationToken.None);
        }
        catch (Exception exception)
        {
            // Nothing of this batch is in the database: no unit may report success.
            foreach (var write in batch)
            {
                write.Fail(exception);
            }

            return;
        }

        foreach (var write in batch)
        {
            write.Complete();
        }
    }
}
