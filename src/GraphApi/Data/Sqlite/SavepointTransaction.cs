using System.Data.Common;
using Microsoft.EntityFrameworkCore.Storage;

namespace GraphApi.Data.Sqlite;

/// <summary>
/// What a unit of work in a <see cref="SqliteWriteQueue"/> batch holds as its transaction: a savepoint of the
/// batch's. Committing keeps the unit's writes for the batch's commit; rolling back (or disposing without
/// either) undoes them alone.
/// </summary>
internal sealed class SavepointTransaction : IDbContextTransaction
{
    private const string Name = "queued_write";

    private readonly DbTransaction _batch;
    private bool _ended;

    private SavepointTransaction(DbTransaction batch) => _batch = batch;

    public Guid TransactionId { get; } = Guid.NewGuid();

    public static async Task<SavepointTransaction> BeginAsync(DbTransaction batch)
    {
        await batch.SaveAsync(Name);
        return new SavepointTransaction(batch);
    }

    public void Commit()
    {
        End();
        _batch.Release(Name);
    }

    public async Task CommitAsync(CancellationToken cancellationToken = default)
    {
        End();
        await _batch.ReleaseAsync(Name, CancellationToken.None);
    }

    public void Rollback()
    {
        End();
        _batch.Rollback(Name);
        _batch.Release(Name);
    }

    public async Task RollbackAsync(CancellationToken cancellationToken = default)
    {
        End();
        await _batch.RollbackAsync(Name, CancellationToken.None);
        await _batch.ReleaseAsync(Name, CancellationToken.None);
    }

    public void Dispose()
    {
        if (!_ended)
        {
            Rollback();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_ended)
        {
            await RollbackAsync();
        }
    }

    private void End()
    {
        if (_ended)
        {
            throw new InvalidOperationException("This unit of work has already committed or rolled back.");
        }

        _ended = true;
    }
}
