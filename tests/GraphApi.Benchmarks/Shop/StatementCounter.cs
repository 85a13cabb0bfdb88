using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace GraphApi.Benchmarks.Shop;

/// <summary>Counts the SQL statements EF Core sends, so each benchmark can print how many one request costs.</summary>
internal sealed class StatementCounter : DbCommandInterceptor
{
    private int _count;

    public int Count => Volatile.Read(ref _count);

    public void Reset() => Interlocked.Exchange(ref _count, 0);

    public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(
        DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result,
        CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _count);
        return ValueTask.FromResult(result);
    }
}
