using GraphApi.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data;

/// <summary>
/// The SQLite flavour; its migrations live in Data/Migrations/Sqlite. Its writers take turns (<see cref="SqliteWriteGate"/>),
/// and its units of work are written in batches (<see cref="SqliteWriteQueue"/>).
/// </summary>
internal sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options)
    : AppDbContext(options)
{
    private SqliteWriteGate? _writeGate;
    private SqliteWriteQueue? _writeQueue;

    private SqliteWriteGate WriteGate => _writeGate ??= SqliteWriteGate.For(Database.GetConnectionString());

    public override SqliteWriteQueue WriteQueue => _writeQueue ??= SqliteWriteQueue.For(Database.GetConnectionString());

    /// <summary>DateTime columns stay text in the same format; only reading them back is faster (<see cref="SqliteDateTimeText"/>).</summary>
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<DateTime>().HaveConversion<SqliteDateTimeText>();
    }

    /// <summary>A save outside a unit of work is a write transaction of its own: it queues like one.</summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        if (Database.CurrentTransaction is not null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        using var turn = await WriteGate.EnterAsync(cancellationToken);
        return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }
}
