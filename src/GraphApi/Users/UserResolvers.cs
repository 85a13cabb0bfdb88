using System.Text.Json;
using GraphApi.Data;
using GraphApi.Orders;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Users;

/// <summary>Fields of <c>User</c> beyond its properties.</summary>
[GraphQLMetadata(UserGraph.TypeName)]
internal sealed class UserResolvers
{
    /// <summary>
    /// A page of the user's orders. Users reached in a list share one loader per argument set, so the pages of all
    /// of them come from one SQL statement.
    /// </summary>
    public IDataLoaderResult<Connection<Order>?> Orders(
        IResolveFieldContext context,
        [FromSource] User user,
        [FromServices] DataLoaderScope loaders,
        [FromServices] AppDbContext db,
        [FromServices] QueryableMapping<Order> mapping,
        [FromServices] PagingOptions paging)
    {
        var args = ConnectionArguments.FromContext(context);
        var key = "User.orders:" + JsonSerializer.Serialize(context.Arguments?.ToDictionary(a => a.Key, a => a.Value.Value));
        var loader = loaders.GetOrCreate(key, () => new FuncBatchDataLoader<int, Connection<Order>>(
            (userIds, cancellationToken) => db.Orders.Untracked()
                .ToGroupedConnectionsAsync(o => o.CustomerId, userIds.ToArray(), args, mapping, paging, cancellationToken)));
        return loader.LoadAsync(user.Id);
    }
}
