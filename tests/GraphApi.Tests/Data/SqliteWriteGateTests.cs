using GraphApi.Data;
using GraphApi.Data.Resilience;
using GraphApi.Data.Sqlite;
using GraphApi.Products;
using GraphApi.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using static GraphApi.Tests.Data.GateTurns;

namespace GraphApi.Tests.Data;

/// <summary>SQLite's single writer: this process's writers queue at one gate per file; connections run WAL.</summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly TempSqliteDatabase _database = new();
    private AppDataHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = new AppDataHost(_database.Settings());
        await _host.InitializeDatabaseAsync();
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        _database.Dispose();
    }

    [Fact]
    public async Task Connections_run_in_wal_mode_with_synchronous_normal()
    {
        var (journal, synchronous) = await _host.WithDbAsync(async db => (
            await db.Database.SqlQueryRaw<string>("SELECT journal_mode AS Value FROM pragma_journal_mode").SingleAsync(),
            await db.Database.SqlQueryRaw<long>("SELECT synchronous AS Value FROM pragma_synchronous").SingleAsync()));

        Assert.Equal("wal", journal);
        Assert.Equal(1, synchronous); // NORMAL
    }

    [Fact]
    public async Task A_second_writer_enters_only_when_the_first_leaves()
    {
        var gate = SqliteWriteGate.For("Data Source=" + Guid.NewGuid().ToString("N"));
        var first = await HoldAsync(gate);

        var second = gate.EnterAsync(CancellationToken.None).AsTask();
        await WaitUntilAsync(() => gate.Waiting == 1);
        Assert.False(second.IsCompleted);

        first.Dispose();
        first.Dispose(); // a second dispose must not let a third writer in
        var secondTurn = await second.WaitAsync(Patience);
        Assert.Equal(0, gate.Waiting);
        var third = HoldAsync(gate);
        await WaitUntilAsync(() => gate.Waiting == 1);
        Assert.False(third.IsCompleted);

        secondTurn.Dispose();
        (await third.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public async Task A_holder_passes_through_again_and_the_turn_ends_with_the_outer_one()
    {
        var gate = SqliteWriteGate.For("Data Source=" + Guid.NewGuid().ToString("N"));
        var outer = await Task.Run(async () =>
        {
            var turn = await gate.EnterAsync(CancellationToken.None);
            var nested = gate.EnterAsync(CancellationToken.None);
            Assert.True(nested.IsCompleted);
            (await nested).Dispose(); // the nested pass must not end the outer turn
            return turn;
        });

        var other = gate.EnterAsync(CancellationToken.None).AsTask();
        await WaitUntilAsync(() => gate.Waiting == 1);
        Assert.False(other.IsCompleted);

        outer.Dispose();
        (await other.WaitAsync(Patience)).Dispose();
    }

    [Fact]
    public void Each_database_file_has_one_gate()
    {
        Assert.Same(SqliteWriteGate.For("Data Source=a.db"), SqliteWriteGate.For("Data Source=a.db;Pooling=False"));
        Assert.NotSame(SqliteWriteGate.For("Data Source=a.db"), SqliteWriteGate.For("Data Source=b.db"));
    }

    [Fact]
    public async Task A_unit_of_work_begins_its_transaction_only_after_its_turn()
    {
        var gate = SqliteWriteGate.For(_database.ConnectionString);
        var began = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        Task<int> unit;
        using (await HoldAsync(gate))
        {
            unit = _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
            {
                began.SetResult();
                db.Products.Add(new Product { Sku = "GATED-1", Name = "Gated", Price = 1m });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return 1;
            }, CancellationToken.None));
            await WaitUntilAsync(() => gate.Waiting == 1);
            Assert.False(began.Task.IsCompleted);
        }

        Assert.Equal(1, await unit.WaitAsync(Patience));
        Assert.True(began.Task.IsCompleted);
        Assert.Equal(1, await _host.WithDbAsync(db => db.Products.CountAsync(p => p.Sku == "GATED-1")));
    }

    [Fact]
    public async Task A_save_outside_a_unit_of_work_queues_too()
    {
        var gate = SqliteWriteGate.For(_database.ConnectionString);
        Task<int> save;
        using (await HoldAsync(gate))
        {
            save = _host.WithDbAsync(db =>
            {
                db.Products.Add(new Product { Sku = "GATED-2", Name = "Gated", Price = 1m });
                return db.SaveChangesAsync();
            });
            await WaitUntilAsync(() => gate.Waiting == 1);
            Assert.Equal(0, await _host.WithDbAsync(db => db.Products.CountAsync(p => p.Sku == "GATED-2")));
        }

        Assert.Equal(1, await save.WaitAsync(Patience));
    }

    [Fact]
    public async Task Concurrent_units_of_work_all_commit()
    {
        var units = Enumerable.Range(0, 24).Select(i => Task.Run(() => _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
        {
            db.Products.Add(new Product { Sku = $"MANY-{i}", Name = "Many", Price = 1m });
            await db.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return i;
        }, CancellationToken.None))));

        await Task.WhenAll(units).WaitAsync(Patience);

        Assert.Equal(24, await _host.WithDbAsync(db => db.Products.CountAsync(p => p.Sku.StartsWith("MANY-"))));
    }
}
