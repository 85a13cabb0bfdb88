using GraphApi.Users;
using Microsoft.AspNetCore.Authorization;

namespace GraphApi.Auth;

internal sealed class SelfOrAdminRequirement : IAuthorizationRequirement;

/// <summary>The user being read is the caller, or the caller is ADMIN. The resource is the parent User.</summary>
internal sealed class SelfOrAdminHandler : OwnerOrAdminHandler<SelfOrAdminRequirement, User>
{
    protected override int OwnerId(User resource) => resource.Id;
}
