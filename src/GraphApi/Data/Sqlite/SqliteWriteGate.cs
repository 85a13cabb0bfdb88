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
    private readonly AsyncLocal<Holder?> _holder = new();
    private int _waiting;

    /// <summary>The gate of the database <paramref name="connectionString"/> names (its data source, as given).</summary>
    public static SqliteWriteGate For(string? connectionString) =>
        Gates.GetOrAdd(new SqliteConnectionStringBuilder(connectionString).DataSource, _ => new SqliteWriteGate());

    /// <summary>Writers waiting for their turn right now (not counting the one inside).</summary>
    public int Waiting => Volatile.Read(ref _waiting);

    /// <summary>
    /// Waits for this writer's turn; disposing the result lets the next one in. Re-entrant: code that already holds
    /// the turn (a save inside a unit of work, or inside an interceptor of one, and tasks they start while holding
    /// it) passes straight through instead of waiting for itself.
    /// </summary>
    public ValueTask<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        if (_holder.Value is { Holding: true })
        {
            return ValueTask.FromResult<IDisposable>(Holder.Nested);
        }

        // Set here, outside the async method, so that the caller's flow (and what it calls) sees the holder.
        var holder = new Holder();
        _holder.Value = holder;
        return WaitForTurnAsync(holder, cancellationToken);
    }

    /// <summary>
    /// Lets the current flow pass straight through, as the holder's own code does: it runs on behalf of the holder
    /// (a unit of work that a batch writer runs in its caller's flow). Called inside an async method, it lasts as
    /// long as that method's flow.
    /// </summary>
    public void ActOnBehalfOfHolder() => _holder.Value = Holder.OnBehalf;

    private async ValueTask<IDisposable> WaitForTurnAsync(Holder holder, CancellationToken cancellationToken)
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

        holder.Holding = true;
        return new Turn(_turn, holder);
    }

    private sealed class Holder : IDisposable
    {
        public static readonly Holder Nested = new();

        public static readonly Holder OnBehalf = new() { Holding = true };

        public bool Holding { get; set; }

        public void Dispose()
        {
        }
    }

    private sealed class Turn(SemaphoreSlim turn, Holder holder) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                holder.Holding = false;
                turn.Release();
            }
        }
    }
}
