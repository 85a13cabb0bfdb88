using GraphApi.Data;
using GraphApi.Users;

namespace GraphApi.Orders;

/// <summary>
/// A customer's order. <see cref="Version"/> is an application-managed optimistic concurrency token
/// (SQLite has no rowversion): AppDbContext increments it whenever a modified order is saved.
/// </summary>
internal sealed class Order : IEntity, ITimestamped
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public User Customer { get; set; } = null!;

    public OrderStatus Status { get; set; }

    /// <summary>The sum of the lines' totals, kept with the order so it can be filtered and sorted.</summary>
    public decimal Total { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public int Version { get; set; }

    public List<OrderItem> Items { get; set; } = [];
}
