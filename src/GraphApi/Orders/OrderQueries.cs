using GraphApi.Data;
using GraphApi.Auth;
using GraphApi.Orders;
using GraphApi.Server.Schema.Nodes;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Schema;

internal sealed partial class QueryResolvers
{
    /// <summary>Someone else's order resolves, then the Order type's policy puts null + AUTH_NOT_AUTHORIZED in its place.</summary>
    public IDataLoaderResult<Order?> OrderById(string id, [FromServices] EntityByIdLoader<Order> orders) =>
        orders.LoadAsync(GlobalId.Parse<int>(id, OrderGraph.TypeName));

    /// <summary>ADMIN: every order; a customer: their own, filtered in SQL.</summary>
    public IQueryable<Order> Orders(IResolveFieldContext context)
    {
        var orders = db.Orders.Untracked();
        if (context.User.IsAdmin())
        {
            return orders;
        }

        var userId = context.User.UserId() ?? -1;
        return orders.Where(o => o.CustomerId == userId);
    }
}
