using GraphApi.Data.Conventions;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Schema;

namespace GraphApi.Products;

/// <summary>Binds the Products feature to the SDL (schema/products.graphql).</summary>
internal static class ProductGraph
{
    public const string TypeName = "Product";

    public static SchemaFirstOptions AddProducts(this SchemaFirstOptions schema) => schema
        .AddNode<Product, int>(TypeName, p => p.Id, (context, id) =>
            context.RequestServices!.GetRequiredService<ProductByIdLoader>().LoadAsync(id))
        .MapObject<CreateProductPayload>("CreateProductPayload")
        .MapObject<RestockProductPayload>("RestockProductPayload")
        .MapObject<ProductNotFoundError>("ProductNotFoundError")
        .MapObject<SkuTakenError>("SkuTakenError");

    public static IServiceCollection AddProductServices(this IServiceCollection services) => services
        .AddDataLoader<ProductByIdLoader>()
        .AddScoped<ProductService>()
        .AddQueryableMapping<Product>(m => m
            .Key(p => p.Id)
            .Field("price", p => p.Price, MoneyConverter.ProblemWith));
}
