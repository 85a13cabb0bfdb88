namespace GraphApi.Benchmarks.Load.RawBaseline;

/// <summary>The app's Products row as the baseline reads it (price stored in cents, as the app's MoneyConverter does).</summary>
internal sealed class RawProduct
{
    public int Id { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public string? Description { get; set; }

    public decimal Price { get; set; }

    public int Stock { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
