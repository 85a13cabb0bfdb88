namespace GraphApi.Products;

internal sealed record ProductNotFoundError(string Message, string ProductId);

internal sealed record SkuTakenError(string Message, string Sku);
