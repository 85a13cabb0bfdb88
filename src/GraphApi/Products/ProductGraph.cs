using GraphApi.Data;
using GraphApi.Data.Conventions;
using GraphApi.Server;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Schema;

namespace GraphApi.Products;

/// <summary>The Products feature: its SDL bindings (schema/products.graphql) and its services.</summary>
internal static class ProductGraph
{
    public const string TypeName = "Product";

    public static GraphQLServerBuilder AddProducts(this GraphQLServerBuilder builder)
    {
        builder.ConfigureSchema(Bind);
        builder.Services
            .AddDataLoader<EntityByIdLoader<Product>>()
            .AddScoped<ProductService>()
            .AddQueryableMapping<Product>(m => m
                .Key(p => p.Id)
                .Field("price", p => p.Price, MoneyConverter.ProblemWith));
        return builder;
    }

    private static void Bind(SchemaFirstOptions schema) => schema
        .AddNode<Product, int, EntityByIdLoader<Product>>(TypeName, p => p.Id)
        .MapObject<CreateProductPayload>("CreateProductPayload")
        .MapObject<RestockProductPayload>("RestockProductPayload")
        .MapObject<ProductNotFoundError>("ProductNotFoundError")
        .MapObject<SkuTakenError>("SkuTakenError");

}
