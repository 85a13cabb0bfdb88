using GraphApi.Data;

namespace GraphApi.Products;

/// <summary>A catalogue item. <see cref="Price"/> is stored as cents (see MoneyConverter).</summary>
internal sealed class Product : IEntity, ITimestamped
{
    public const int SkuMaxLength = 64;

    public int Id { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public decimal Price { get; set; }

    public int Stock { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
