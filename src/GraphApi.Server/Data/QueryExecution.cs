using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace GraphApi.Server.Data;

/// <summary>Runs queries asynchronously on EF Core and synchronously on plain LINQ providers (e.g. in-memory lists).</summary>
internal static class QueryExecution
{
    public static Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken ct) =>
        query.Provider is IAsyncQueryProvider ? query.ToListAsync(ct) : Task.FromResult(query.ToList());

    public static Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken ct) =>
        query.Provider is IAsyncQueryProvider ? query.AnyAsync(ct) : Task.FromResult(query.Any());

    public static Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken ct) =>
        query.Provider is IAsyncQueryProvider ? query.CountAsync(ct) : Task.FromResult(query.Count());
}
