namespace GraphApi.Products;

/// <summary>The SDL's <c>CreateProductInput</c>, bound by argument name.</summary>
internal sealed record CreateProductInput(string Sku, string Name, string? Description, decimal Price, int Stock);

/// <summary>The SDL's <c>RestockProductInput</c>; <see cref="ProductId"/> is a global ID.</summary>
internal sealed record RestockProductInput(string ProductId, int Quantity);
