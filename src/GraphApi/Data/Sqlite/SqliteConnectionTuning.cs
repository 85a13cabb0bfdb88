using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GraphApi.Data.Sqlite;

/// <summary>
/// Puts each new SQLite connection into WAL mode (readers no longer block the writer, nor it them) with
/// <c>synchronous=NORMAL</c> (in WAL mode: durable across application crashes, one fsync per checkpoint instead of
/// per commit). Pooled connections keep their settings, so the PRAGMAs run once per physical connection.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public const string Pragmas = "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;";

    // Keyed by the native handle, which a pooled connection keeps from one Open to the next.
    private static readonly ConditionalWeakTable<object, object> Tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Tune(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Tune(connection);
        return Task.CompletedTask;
    }

    private static void Tune(DbConnection connection)
    {
        if (connection is not SqliteConnection { Handle: { } handle } sqlite || Tuned.TryGetValue(handle, out _))
        {
            return;
        }

        using var command = sqlite.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
        Tuned.AddOrUpdate(handle, handle);
    }
}
