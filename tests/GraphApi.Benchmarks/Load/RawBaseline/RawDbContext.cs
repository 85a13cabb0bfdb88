using Microsoft.EntityFrameworkCore;

namespace GraphApi.Benchmarks.Load.RawBaseline;

/// <summary>Reads the app's SQLite file: only the Products table, mapped the way the app maps it.</summary>
internal sealed class RawDbContext(DbContextOptions<RawDbContext> options) : DbContext(options)
{
    public DbSet<RawProduct> Products => Set<RawProduct>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        var product = modelBuilder.Entity<RawProduct>();
        product.ToTable("Products");
        product.Property(p => p.Price).HasConversion(amount => (long)(amount * 100m), cents => cents * 0.01m);
    }
}
