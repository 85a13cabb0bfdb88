using GraphApi.Users;
using Microsoft.AspNetCore.Authorization;

namespace GraphApi.Auth;

internal sealed class SelfOrAdminRequirement : IAuthorizationRequirement;

/// <summary>The user being read is the caller, or the caller is ADMIN. The resource is the parent User.</summary>
internal sealed class SelfOrAdminHandler : AuthorizationHandler<SelfOrAdminRequirement, User>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, SelfOrAdminRequirement requirement, User resource)
    {
        if (context.User.IsAdmin() || context.User.UserId() == resource.Id)
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
