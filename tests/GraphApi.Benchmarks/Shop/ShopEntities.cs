namespace GraphApi.Benchmarks.Shop;

internal sealed class Customer
{
    public int Id { get; set; }

    public string Name { get; set; } = "";
}

internal sealed class Product
{
    public int Id { get; set; }

    public string Sku { get; set; } = "";

    public string Name { get; set; } = "";

    public int PriceCents { get; set; }

    public int Stock { get; set; }
}

internal sealed class Order
{
    public int Id { get; set; }

    public int CustomerId { get; set; }

    public int TotalCents { get; set; }
}

internal sealed class OrderItem
{
    public int Id { get; set; }

    public int OrderId { get; set; }

    public int ProductId { get; set; }

    public int Quantity { get; set; }
}
