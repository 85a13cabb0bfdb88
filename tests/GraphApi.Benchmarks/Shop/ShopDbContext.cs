using Microsoft.EntityFrameworkCore;

namespace GraphApi.Benchmarks.Shop;

internal sealed class ShopDbContext(DbContextOptions<ShopDbContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderItem> OrderItems => Set<OrderItem>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // The indexes the app has too: foreign keys, and (price, id) so a price-sorted keyset page can seek.
        modelBuilder.Entity<Order>().HasIndex(o => o.CustomerId);
        modelBuilder.Entity<OrderItem>().HasIndex(i => i.OrderId);
        modelBuilder.Entity<Product>().HasIndex(p => new { p.PriceCents, p.Id });
    }
}
