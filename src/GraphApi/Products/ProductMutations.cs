using GraphApi.Products;
using GraphApi.Server.Schema.Nodes;
using GraphQL;

namespace GraphApi.Schema;

internal sealed partial class MutationResolvers
{
    public Task<CreateProductPayload> CreateProduct(
        CreateProductInput input, [FromServices] ProductService products, CancellationToken cancellationToken) =>
        products.CreateAsync(input, cancellationToken);

    /// <summary>A malformed product ID is a GraphQL error (INVALID_ID); a missing product is data.</summary>
    public Task<RestockProductPayload> RestockProduct(
        RestockProductInput input, [FromServices] ProductService products, CancellationToken cancellationToken) =>
        products.RestockAsync(GlobalId.Parse<int>(input.ProductId, ProductGraph.TypeName), input, cancellationToken);
}
