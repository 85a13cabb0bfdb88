using GraphApi.Data;
using GraphApi.Auth;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Users;
using GraphQL;
using GraphQL.DataLoader;
using Microsoft.EntityFrameworkCore;

namespace GraphApi.Schema;

internal sealed partial class QueryResolvers
{
    public IDataLoaderResult<User?>? Me(IResolveFieldContext context, [FromServices] EntityByIdLoader<User> users) =>
        context.User.UserId() is { } id ? users.LoadAsync(id) : null;

    public IDataLoaderResult<User?> UserById(string id, [FromServices] EntityByIdLoader<User> users) =>
        users.LoadAsync(GlobalId.Parse<int>(id, UserGraph.TypeName));

    public IQueryable<User> Users() => db.Users.Untracked();
}
