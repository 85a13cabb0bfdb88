namespace GraphApi.Products;

internal sealed record CreateProductPayload(Product? Product, IReadOnlyList<object>? Errors);

internal sealed record RestockProductPayload(Product? Product, IReadOnlyList<object>? Errors);
