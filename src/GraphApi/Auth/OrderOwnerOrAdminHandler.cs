using GraphApi.Orders;
using Microsoft.AspNetCore.Authorization;

namespace GraphApi.Auth;

internal sealed class OrderOwnerOrAdminRequirement : IAuthorizationRequirement;

/// <summary>The caller owns the Order, or is ADMIN. The resource is the Order wherever it is reached.</summary>
internal sealed class OrderOwnerOrAdminHandler : AuthorizationHandler<OrderOwnerOrAdminRequirement, Order>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OrderOwnerOrAdminRequirement requirement, Order resource)
    {
        if (context.User.IsAdmin() || context.User.UserId() == resource.CustomerId)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
