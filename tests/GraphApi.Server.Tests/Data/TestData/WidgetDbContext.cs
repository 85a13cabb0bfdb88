using Microsoft.EntityFrameworkCore;

namespace GraphApi.Server.Tests.Data.TestData;

public sealed class WidgetDbContext(DbContextOptions<WidgetDbContext> options) : DbContext(options)
{
    public DbSet<Widget> Widgets => Set<Widget>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        // Money as integer cents, as the app stores it: SQLite cannot compare or order decimal columns.
        modelBuilder.Entity<Widget>().Property(widget => widget.Price)
            .HasConversion(value => (long)(value * 100), cents => cents / 100m);
    }
}
