using System.Data.Common;
using System.Runtime.ExceptionServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphApi.Data.Sqlite;

/// <summary>The connection and transaction of one batch of <see cref="SqliteWriteQueue"/>.</summary>
internal sealed record SharedTransaction(DbConnection Connection, DbTransaction Transaction, SqliteWriteGate Gate);

/// <summary>
/// A unit of work waiting in a <see cref="SqliteWriteQueue"/>: its caller's context and execution context, and
/// its outcome, held back until the batch has committed.
/// </summary>
internal abstract class QueuedWrite(AppDbContext db, CancellationToken cancellationToken)
{
    private static readonly AsyncLocal<bool> Running = new();

    private readonly ExecutionContext? _caller = ExecutionContext.Capture();

    /// <summary>Whether the current code runs inside a queued unit of work.</summary>
    public static bool IsRunning => Running.Value;

    /// <summary>The caller's context; it waits for this write, so the batch may use it.</summary>
    public AppDbContext Db { get; } = db;

    protected CancellationToken CancellationToken { get; } = cancellationToken;

    /// <summary>Cancels the write if its caller gave up before its batch began; true when it did.</summary>
    public bool CancelIfRequested()
    {
        if (!CancellationToken.IsCancellationRequested)
        {
            return false;
        }

        Publish(new OperationCanceledException(CancellationToken));
        return true;
    }

    /// <summary>
    /// Runs the unit in a savepoint of <paramref name="shared"/>, in its caller's execution context. The context
    /// whose transaction it is (<paramref name="hostsTransaction"/>) has it already; any other borrows it and gets
    /// its own connection back afterwards. Throws only when the batch itself can no longer commit.
    /// </summary>
    public Task RunAsync(SharedTransaction shared, bool hostsTransaction)
    {
        if (_caller is null)
        {
            return RunInSavepointAsync(shared, hostsTransaction);
        }

        Task run = null!;
        ExecutionContext.Run(_caller, _ => run = RunInSavepointAsync(shared, hostsTransaction), null);
        return run;
    }

    /// <summary>The batch committed: the caller gets what the unit returned or threw.</summary>
    public abstract void Complete();

    /// <summary>The batch did not commit: the caller gets the unit's own exception, or else the batch's.</summary>
    public abstract void Fail(Exception batchFailure);

    /// <summary>Runs the unit and keeps its result or exception; the savepoint is left for the caller to end.</summary>
    protected abstract Task ExecuteAsync(IDbContextTransaction savepoint);

    protected abstract void Publish(Exception exception);

    private async Task RunInSavepointAsync(SharedTransaction shared, bool hostsTransaction)
    {
        // For this unit's flow only (an async method's changes do not flow back out): it is inside a unit, and it
        // holds the gate as the batch's writer does, so a save it makes on another context is not queued behind itself.
        Running.Value = true;
        shared.Gate.ActOnBehalfOfHolder();
        var database = Db.Database;
        var ownConnectionString = hostsTransaction ? null : database.GetConnectionString();
        if (!hostsTransaction)
        {
            database.SetDbConnection(shared.Connection, contextOwnsConnection: false);
        }

        try
        {
            if (!hostsTransaction)
            {
                await database.UseTransactionAsync(shared.Transaction, CancellationToken.None);
            }

            await using var savepoint = await SavepointTransaction.BeginAsync(shared.Transaction);
            Db.ChangeTracker.Clear();
            await ExecuteAsync(savepoint);
        }
        finally
        {
            if (!hostsTransaction)
            {
                await database.UseTransactionAsync(null, CancellationToken.None);
                database.SetDbConnection(null, contextOwnsConnection: false);
                database.SetConnectionString(ownConnectionString); // a connection of its own again, opened when next needed
            }
        }
    }
}

/// <summary>A queued unit of work that returns <typeparamref name="T"/>.</summary>
internal sealed class QueuedWrite<T>(
    AppDbContext db, Func<IDbContextTransaction, CancellationToken, Task<T>> work, CancellationToken cancellationToken)
    : QueuedWrite(db, cancellationToken)
{
    // The caller's continuation must not run on the writer, which still has the rest of the batch to write.
    private readonly TaskCompletionSource<T> _result = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private T? _value;
    private ExceptionDispatchInfo? _failure;

    public Task<T> Result => _result.Task;

    public override void Complete()
    {
        if (_failure is null)
        {
            _result.TrySetResult(_value!);
        }
        else
        {
            Publish(_failure.SourceException);
        }
    }

    public override void Fail(Exception batchFailure) => Publish(_failure?.SourceException ?? batchFailure);

    protected override async Task ExecuteAsync(IDbContextTransaction savepoint)
    {
        try
        {
            _value = await work(savepoint, CancellationToken);
        }
        catch (Exception exception)
        {
            _failure = ExceptionDispatchInfo.Capture(exception);
        }
    }

    protected override void Publish(Exception exception)
    {
        if (exception is OperationCanceledException canceled)
        {
            _result.TrySetCanceled(canceled.CancellationToken);
        }
        else
        {
            _result.TrySetException(exception);
        }
    }
}
