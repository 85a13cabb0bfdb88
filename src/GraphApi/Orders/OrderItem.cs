using GraphApi.Products;

namespace GraphApi.Orders;

/// <summary>One line of an order; <see cref="UnitPrice"/> is the product's price when it was ordered.</summary>
internal sealed class OrderItem
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int ProductId { get; set; }

    public Product Product { get; set; } = null!;

    public int Quantity { get; set; }

    public decimal UnitPrice { get; set; }

    /// <summary>Computed, not stored: unit price × quantity (exact decimal arithmetic).</summary>
    public decimal LineTotal => UnitPrice * Quantity;
}
