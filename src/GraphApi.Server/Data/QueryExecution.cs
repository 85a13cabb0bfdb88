using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace GraphApi.Server.Data;

/// <summary>Runs queries asynchronously on EF Core and synchronously on plain LINQ providers (e.g. in-memory lists).</summary>
internal static class QueryExecution
{
    public static Task<List<T>> ToListAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? query.ToListAsync(cancellationToken) : Task.FromResult(query.ToList());

    public static Task<bool> AnyAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? query.AnyAsync(cancellationToken) : Task.FromResult(query.Any());

    public static Task<int> CountAsync<T>(IQueryable<T> query, CancellationToken cancellationToken) =>
        query.Provider is IAsyncQueryProvider ? query.CountAsync(cancellationToken) : Task.FromResult(query.Count());
}
