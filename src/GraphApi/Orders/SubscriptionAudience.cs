using System.Security.Claims;
using GraphApi.Auth;
using GraphApi.Server.Streaming;

namespace GraphApi.Orders;

/// <summary>
/// Which subscribers of this app may share an event's result (<see cref="SubscriptionFanOutOptions.Audience"/>).
/// ADMINs with the same role set share, whoever they are: every access rule of the schema lets an ADMIN through by
/// role alone (<c>@authorize</c> roles, OwnerOrAdmin, SelfOrAdmin, OrderOwnerOrAdmin) and no field that a
/// subscription event can reach reads the caller's id (only root query fields such as <c>me</c> and <c>orders</c>
/// do). Everyone else shares only with the same user holding the same claims, since ownership decides what they see.
/// Revisit this when a policy or a resolver below <c>Subscription</c> starts reading other claims.
/// </summary>
internal static class SubscriptionAudience
{
    public static string Of(ClaimsPrincipal user)
    {
        if (!user.IsAdmin() || user.Identity?.IsAuthenticated != true)
        {
            return SubscriptionFanOutOptions.ClaimsAudience(user);
        }

        var roles = user.Identities.SelectMany(identity => identity.FindAll(identity.RoleClaimType)).Select(role => role.Value);
        return "roles:" + string.Join('\u001f', roles.Order(StringComparer.Ordinal));
    }
}
