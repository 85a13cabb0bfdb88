using GraphApi.Data.Conventions;
using GraphApi.Data.Sqlite;
using GraphApi.Orders;
using GraphApi.Products;
using GraphApi.Server;
using GraphApi.Users;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace GraphApi.Data;

/// <summary>
/// The application's unit of work, whatever the provider. Each provider has a subclass so that each
/// keeps its own migration set; DI hands out this base type. Instances are pooled, so the constructor takes only
/// options and the clock comes from the application's services when a save first needs it.
/// </summary>
internal abstract class AppDbContext(DbContextOptions options) : DbContext(options)
{
    private TimeProvider? _clock;

    public DbSet<User> Users => Set<User>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<OrderItem> OrderItems => Set<OrderItem>();

    /// <summary>
    /// Where units of work queue to be written together, or null when the database takes concurrent writers itself
    /// (PostgreSQL's row locks).
    /// </summary>
    public virtual SqliteWriteQueue? WriteQueue => null;

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampChanges();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampChanges();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<decimal>().HaveConversion<MoneyConverter>();
        configurationBuilder.Properties<DateTime>().HaveConversion<UtcDateTimeConverter>();
    }

    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(AppDbContext).Assembly);

    /// <summary>
    /// Sets timestamps (ms precision) and bumps order versions in one place, so no resolver can forget.
    /// Explicit CreatedAt/UpdatedAt on new entities are kept (the sample seed backdates its data).
    /// </summary>
    private void StampChanges()
    {
        _clock ??= this.GetService<TimeProvider>();
        var now = _clock.GetUtcNowTruncated();
        foreach (var entry in ChangeTracker.Entries<ITimestamped>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    entry.Entity.CreatedAt = entry.Entity.CreatedAt == default
                        ? now
                        : UtcTime.TruncateToMilliseconds(entry.Entity.CreatedAt);
                    entry.Entity.UpdatedAt = entry.Entity.UpdatedAt == default
                        ? entry.Entity.CreatedAt
                        : UtcTime.TruncateToMilliseconds(entry.Entity.UpdatedAt);
                    break;
                case EntityState.Modified:
                    entry.Entity.UpdatedAt = now;
                    if (entry.Entity is Order order)
                    {
                        // The original Version stays in the UPDATE's WHERE clause: a concurrent writer loses.
                        order.Version++;
                    }

                    break;
            }
        }
    }
}
