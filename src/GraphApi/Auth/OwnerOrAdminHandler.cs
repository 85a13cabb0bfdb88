using Microsoft.AspNetCore.Authorization;

namespace GraphApi.Auth;

/// <summary>Succeeds when the caller is ADMIN or owns the resource the policy is evaluated for.</summary>
internal abstract class OwnerOrAdminHandler<TRequirement, TResource> : AuthorizationHandler<TRequirement, TResource>
    where TRequirement : IAuthorizationRequirement
{
    protected abstract int OwnerId(TResource resource);

    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, TRequirement requirement, TResource resource)
    {
        if (context.User.IsAdmin() || context.User.UserId() == OwnerId(resource))
        {
            context.Succeed(requirement);
        }

        return Task.CompletedTask;
    }
}
