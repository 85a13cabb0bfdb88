using GraphApi.Data;
using GraphApi.Products;
using GraphApi.Server.Schema.Nodes;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Schema;

internal sealed partial class QueryResolvers
{
    public IDataLoaderResult<Product?> ProductById(string id, [FromServices] EntityByIdLoader<Product> products) =>
        products.LoadAsync(GlobalId.Parse<int>(id, ProductGraph.TypeName));

    public IQueryable<Product> Products() => db.Products.Untracked();
}
