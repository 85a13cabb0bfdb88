using GraphApi.Auth;
using GraphApi.Server.Authorization;
using GraphApi.Server.Execution;
using GraphQL;

namespace GraphApi.Orders;

/// <summary>Who is calling an order mutation.</summary>
internal static class OrderCaller
{
    /// <summary>
    /// The caller's user ID. <c>@authorize</c> has already admitted an authenticated caller; a principal without a
    /// numeric subject is still refused as unauthenticated rather than acting as nobody.
    /// </summary>
    public static int Id(IResolveFieldContext context) =>
        context.User.UserId()
        ?? throw AuthorizationErrors.NotAuthenticated();
}
