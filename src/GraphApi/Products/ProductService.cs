using GraphApi.Data;
using GraphApi.Errors;
using GraphApi.Server;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Products;

/// <summary>
/// The catalogue's write side: creating and restocking products. Errors come back as data in the payload,
/// and nothing is written when any error is returned.
/// </summary>
internal sealed class ProductService(AppDbContext db, TimeProvider clock)
{
    public async Task<CreateProductPayload> CreateAsync(CreateProductInput input, CancellationToken cancellationToken)
    {
        var errors = new List<object>();
        var skuError = ProductRules.ValidateSku(input.Sku);
        AddIfInvalid(errors, "sku", skuError);
        AddIfInvalid(errors, "name", ProductRules.ValidateName(input.Name));
        AddIfInvalid(errors, "price", ProductRules.ValidatePrice(input.Price));
        AddIfInvalid(errors, "stock", ProductRules.ValidateStock(input.Stock));

        // Only a well-formed SKU can be taken; checking it here lets one answer list every problem.
        if (skuError is null && await db.Products.AnyAsync(p => p.Sku == input.Sku, cancellationToken))
        {
            errors.Add(SkuTaken(input.Sku));
        }

        if (errors.Count > 0)
        {
            return new CreateProductPayload(null, errors);
        }

        var product = new Product
        {
            Sku = input.Sku,
            Name = ProductRules.NormalizeName(input.Name),
            Description = input.Description,
            Price = input.Price,
            Stock = input.Stock,
        };
        db.Products.Add(product);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException exception) when (UniqueViolation.Is(exception))
        {
            // A concurrent create won the race after our check: the unique index has the last word.
            db.Entry(product).State = EntityState.Detached;
            return new CreateProductPayload(null, [SkuTaken(input.Sku)]);
        }

        return new CreateProductPayload(product, null);
    }

    public async Task<RestockProductPayload> RestockAsync(
        int productId, RestockProductInput input, CancellationToken cancellationToken)
    {
        var quantityError = ProductRules.ValidateRestockQuantity(input.Quantity);
        if (quantityError is null)
        {
            // One conditional UPDATE: concurrent restocks add up, and the cap is checked against the stock
            // the database actually holds at that moment rather than a value read earlier.
            var updated = await db.Products
                .Where(p => p.Id == productId && p.Stock <= ProductRules.MaxStock - input.Quantity)
                .ExecuteUpdateAsync(
                    set => set
                        .SetProperty(p => p.Stock, p => p.Stock + input.Quantity)
                        .SetProperty(p => p.UpdatedAt, clock.GetUtcNowTruncated()),
                    cancellationToken);
            if (updated == 1)
            {
                return new RestockProductPayload(await FindAsync(productId, cancellationToken), null);
            }
        }

        var product = await FindAsync(productId, cancellationToken);
        var errors = new List<object>();
        if (product is null)
        {
            errors.Add(new ProductNotFoundError($"No product exists with the ID '{input.ProductId}'.", input.ProductId));
        }

        var message = quantityError ?? (product is null ? null : ProductRules.StockLimitExceeded(product.Stock, input.Quantity));
        AddIfInvalid(errors, "quantity", message);
        return new RestockProductPayload(null, errors);
    }

    private Task<Product?> FindAsync(int productId, CancellationToken cancellationToken) =>
        db.Products.Untracked().SingleOrDefaultAsync(p => p.Id == productId, cancellationToken);

    private static SkuTakenError SkuTaken(string sku) => new($"The SKU '{sku}' is already in use.", sku);

    private static void AddIfInvalid(List<object> errors, string field, string? message)
    {
        if (message is not null)
        {
            errors.Add(new ValidationError(message, field));
        }
    }
}
