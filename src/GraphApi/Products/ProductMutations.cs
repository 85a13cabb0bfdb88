using GraphApi.Products;

namespace GraphApi.Schema;

internal sealed partial class MutationResolvers
{
    public CreateProductPayload CreateProduct() => throw NotImplementedYet.Error("createProduct");

    public RestockProductPayload RestockProduct() => throw NotImplementedYet.Error("restockProduct");
}
