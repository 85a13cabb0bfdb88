using System.Diagnostics.Metrics;
using GraphApi.Data;
using GraphApi.Data.Resilience;
using GraphApi.Data.Sqlite;
using GraphApi.Products;
using GraphApi.Telemetry;
using GraphApi.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using static GraphApi.Tests.Data.GateTurns;

namespace GraphApi.Tests.Data;

/// <summary>
/// Group commit on SQLite: units of work queued while the database is busy run as one transaction, each in its
/// own savepoint, on their callers' contexts and in their callers' execution contexts.
/// </summary>
public sealed class SqliteWriteQueueTests : IAsyncLifetime
{
    private static readonly AsyncLocal<string> Caller = new();

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
    public async Task Units_queued_while_the_database_is_busy_commit_together()
    {
        using var batchSizes = new BatchSizes(new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource);
        var seenByOthers = -1;
        var seenInside = -1;
        var units = new List<Task<int>>();
        using (await HoldAsync(Gate))
        {
            for (var i = 0; i < 3; i++)
            {
                var last = i == 2;
                var sku = $"BATCH-{i}";
                units.Add(_host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
                {
                    await AddProductAsync(db, sku, ct);
                    if (last)
                    {
                        seenInside = await CountAsync(db, "BATCH-");
                        seenByOthers = await _host.WithDbAsync(other => CountAsync(other, "BATCH-"));
                    }

                    await transaction.CommitAsync(ct);
                    return 1;
                }, CancellationToken.None)));
            }
        }

        Assert.Equal(3, (await Task.WhenAll(units).WaitAsync(Patience)).Sum());
        Assert.Equal(3, seenInside); // one transaction: the last unit sees the first two's writes...
        Assert.Equal(0, seenByOthers); // ...which nobody else sees before the batch commits
        Assert.Equal(3, await _host.WithDbAsync(db => CountAsync(db, "BATCH-")));
        Assert.Equal([3L], batchSizes.Recorded); // what operators see: graphapi.sqlite.write_batch.size
    }

    [Fact]
    public async Task A_unit_that_throws_or_rolls_back_undoes_only_its_own_writes()
    {
        var failure = new InvalidOperationException("the unit broke");
        Task<int> kept, thrown, rolledBack, alsoKept;
        using (await HoldAsync(Gate))
        {
            kept = Unit("KEEP-1", commit: true);
            thrown = _host.WithDbAsync(db => db.InTransactionAsync<int>(async (_, ct) =>
            {
                await AddProductAsync(db, "THROWN-1", ct);
                throw failure;
            }, CancellationToken.None));
            rolledBack = _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
            {
                await AddProductAsync(db, "ROLLED-1", ct);
                await transaction.RollbackAsync(ct);
                return 7;
            }, CancellationToken.None));
            alsoKept = Unit("KEEP-2", commit: false); // left open: rolled back, like a transaction left open
        }

        Assert.Equal(1, await kept.WaitAsync(Patience));
        Assert.Same(failure, await Assert.ThrowsAsync<InvalidOperationException>(() => thrown.WaitAsync(Patience)));
        Assert.Equal(7, await rolledBack.WaitAsync(Patience));
        Assert.Equal(1, await alsoKept.WaitAsync(Patience));
        Assert.Equal(["KEEP-1"], await _host.WithDbAsync(db => db.Products
            .Where(p => p.Sku.StartsWith("KEEP-") || p.Sku.StartsWith("THROWN-") || p.Sku.StartsWith("ROLLED-"))
            .Select(p => p.Sku).ToListAsync()));
    }

    [Fact]
    public async Task A_failed_commit_fails_every_unit_of_the_batch_and_writes_nothing()
    {
        Task<int> innocent, culprit;
        using (await HoldAsync(Gate))
        {
            innocent = Unit("INNOCENT-1", commit: true);
            culprit = _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
            {
                // Checked at COMMIT, not now: an item of an order that does not exist.
                await db.Database.ExecuteSqlRawAsync("PRAGMA defer_foreign_keys = ON", ct);
                await db.Database.ExecuteSqlRawAsync(
                    """INSERT INTO "OrderItems" ("OrderId", "ProductId", "Quantity", "UnitPrice") VALUES (987654, 1, 1, 100)""", ct);
                await transaction.CommitAsync(ct);
                return 1;
            }, CancellationToken.None));
        }

        var innocentFailure = await Assert.ThrowsAsync<SqliteException>(() => innocent.WaitAsync(Patience));
        var culpritFailure = await Assert.ThrowsAsync<SqliteException>(() => culprit.WaitAsync(Patience));
        Assert.Same(innocentFailure, culpritFailure);
        Assert.Equal(19, culpritFailure.SqliteErrorCode); // SQLITE_CONSTRAINT
        Assert.Equal(0, await _host.WithDbAsync(db => CountAsync(db, "INNOCENT-")));
        Assert.Equal(0, await _host.WithDbAsync(db => db.OrderItems.CountAsync(i => i.OrderId == 987654)));
    }

    [Fact]
    public async Task A_unit_whose_caller_gave_up_before_its_batch_never_runs()
    {
        using var giveUp = new CancellationTokenSource();
        var ran = false;
        Task<int> abandoned, next;
        using (await HoldAsync(Gate))
        {
            abandoned = _host.WithDbAsync(db => db.InTransactionAsync((_, _) =>
            {
                ran = true;
                return Task.FromResult(1);
            }, giveUp.Token));
            next = Unit("AFTER-1", commit: true);
            await giveUp.CancelAsync();
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => abandoned.WaitAsync(Patience));
        Assert.True(abandoned.IsCanceled);
        Assert.False(ran);
        Assert.Equal(1, await next.WaitAsync(Patience));
    }

    [Fact]
    public async Task Each_unit_runs_in_its_callers_execution_context()
    {
        var seen = new string[3];
        var units = new List<Task<int>>();
        using (await HoldAsync(Gate))
        {
            for (var i = 0; i < seen.Length; i++)
            {
                var index = i;
                units.Add(Task.Run(() =>
                {
                    Caller.Value = $"caller {index}";
                    return _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
                    {
                        await AddProductAsync(db, $"FLOW-{index}", ct);
                        seen[index] = Caller.Value ?? "(none)"; // after an await: the flow is the caller's throughout
                        await transaction.CommitAsync(ct);
                        return index;
                    }, CancellationToken.None));
                }));
                await WaitUntilAsync(() => units.Count == index + 1);
            }
        }

        await Task.WhenAll(units).WaitAsync(Patience);
        Assert.Equal(["caller 0", "caller 1", "caller 2"], seen);
    }

    [Fact]
    public async Task A_context_that_lent_itself_to_a_batch_reads_and_writes_on_its_own_afterwards()
    {
        var (queuedCount, afterwards) = (0, 0);
        Task<int> host;
        Task queued;
        using (await HoldAsync(Gate))
        {
            host = Unit("LEND-1", commit: true);
            queued = _host.WithDbAsync(async db =>
            {
                await db.InTransactionAsync(async (transaction, ct) =>
                {
                    await AddProductAsync(db, "LEND-2", ct);
                    await transaction.CommitAsync(ct);
                    return 1;
                }, CancellationToken.None);

                queuedCount = await CountAsync(db, "LEND-");
                db.Products.Add(new Product { Sku = "LEND-3", Name = "Lent", Price = 1m });
                await db.SaveChangesAsync(); // outside any unit: its own connection, its own turn at the gate
                afterwards = await CountAsync(db, "LEND-");
            });
        }

        await host.WaitAsync(Patience);
        await queued.WaitAsync(Patience);
        Assert.Equal(2, queuedCount);
        Assert.Equal(3, afterwards);
    }

    [Fact]
    public async Task A_unit_that_begins_another_is_refused_instead_of_waiting_for_itself()
    {
        var nested = _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
        {
            await AddProductAsync(db, "OUTER-1", ct);
            await _host.WithDbAsync(inner => inner.InTransactionAsync((_, _) => Task.FromResult(1), ct));
            await transaction.CommitAsync(ct);
            return 1;
        }, CancellationToken.None));

        var refused = await Assert.ThrowsAsync<InvalidOperationException>(() => nested.WaitAsync(Patience));
        Assert.Contains("cannot begin another", refused.Message);
        Assert.Equal(0, await _host.WithDbAsync(db => CountAsync(db, "OUTER-")));
        Assert.Equal(1, await Unit("AFTER-NESTED-1", commit: true).WaitAsync(Patience)); // the writer is free
    }

    [Fact]
    public async Task Code_inside_a_unit_passes_the_gate_its_batch_holds()
    {
        // E.g. an interceptor of the unit's save that takes the gate for a save of its own.
        var passedAtOnce = await _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
        {
            var turn = Gate.EnterAsync(ct);
            var atOnce = turn.IsCompleted;
            (await turn).Dispose(); // passing through must not end the writer's turn
            await transaction.CommitAsync(ct);
            return atOnce;
        }, CancellationToken.None)).WaitAsync(Patience);

        Assert.True(passedAtOnce);
        Assert.Equal(1, await Unit("AFTER-PASS-1", commit: true).WaitAsync(Patience));
    }

    [Fact]
    public async Task Concurrent_orders_share_commits_and_oversell_nothing()
    {
        var productId = await _host.WithDbAsync(async db =>
        {
            var product = await AddProductAsync(db, "SCARCE-1", CancellationToken.None, stock: 40);
            return product.Id;
        });

        var placements = Enumerable.Range(0, 60).Select(_ => Task.Run(() => _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
        {
            var taken = await db.Database.ExecuteSqlAsync(
                $"""UPDATE "Products" SET "Stock" = "Stock" - 1 WHERE "Id" = {productId} AND "Stock" >= 1""", ct);
            await (taken == 1 ? transaction.CommitAsync(ct) : transaction.RollbackAsync(ct));
            return taken;
        }, CancellationToken.None)))).ToList();

        var taken = await Task.WhenAll(placements).WaitAsync(Patience);
        Assert.Equal(40, taken.Sum());
        Assert.Equal(0, await _host.WithDbAsync(db => db.Products.Where(p => p.Id == productId).Select(p => p.Stock).SingleAsync()));
    }

    private SqliteWriteGate Gate => SqliteWriteGate.For(_database.ConnectionString);

    private Task<int> Unit(string sku, bool commit) => _host.WithDbAsync(db => db.InTransactionAsync(async (transaction, ct) =>
    {
        await AddProductAsync(db, sku, ct);
        if (commit)
        {
            await transaction.CommitAsync(ct);
        }

        return 1;
    }, CancellationToken.None));

    private static async Task<Product> AddProductAsync(AppDbContext db, string sku, CancellationToken ct, int stock = 0)
    {
        var product = new Product { Sku = sku, Name = sku, Price = 1m, Stock = stock };
        db.Products.Add(product);
        await db.SaveChangesAsync(ct);
        return product;
    }

    private static Task<int> CountAsync(AppDbContext db, string skuPrefix) =>
        db.Products.CountAsync(p => p.Sku.StartsWith(skuPrefix));

    /// <summary>Batch sizes the app's meter records for one database file.</summary>
    private sealed class BatchSizes : IDisposable
    {
        private readonly MeterListener _listener = new();
        private readonly List<long> _recorded = [];

        public BatchSizes(string dataSource)
        {
            _listener.InstrumentPublished = (instrument, listener) =>
            {
                if (instrument.Meter.Name == AppTelemetry.Name && instrument.Name == "graphapi.sqlite.write_batch.size")
                {
                    listener.EnableMeasurementEvents(instrument);
                }
            };
            _listener.SetMeasurementEventCallback<long>((_, size, tags, _) =>
            {
                foreach (var tag in tags)
                {
                    if (tag is { Key: "db.namespace", Value: string database } && database == dataSource)
                    {
                        lock (_recorded)
                        {
                            _recorded.Add(size);
                        }
                    }
                }
            });
            _listener.Start();
        }

        public IReadOnlyList<long> Recorded
        {
            get
            {
                lock (_recorded)
                {
                    return [.. _recorded];
                }
            }
        }

        public void Dispose() => _listener.Dispose();
    }
}
