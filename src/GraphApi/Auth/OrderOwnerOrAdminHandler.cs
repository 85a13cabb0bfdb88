using GraphApi.Orders;
using Microsoft.AspNetCore.Authorization;

namespace GraphApi.Auth;

internal sealed class OrderOwnerOrAdminRequirement : IAuthorizationRequirement;

/// <summary>The caller owns the Order, or is ADMIN. The resource is the Order wherever it is reached.</summary>
internal sealed class OrderOwnerOrAdminHandler : OwnerOrAdminHandler<OrderOwnerOrAdminRequirement, Order>
{
    protected override int OwnerId(Order resource) => resource.CustomerId;
}
