using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data;

/// <summary>Lets callers ask for <see cref="AppDbContext"/> instances without knowing the provider.</summary>
internal sealed class AppDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<AppDbContext>
    where TContext : AppDbContext
{
    public AppDbContext CreateDbContext() => inner.CreateDbContext();
}
