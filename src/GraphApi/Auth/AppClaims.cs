using System.Globalization;
using System.Security.Claims;
using GraphApi.Users;

namespace GraphApi.Auth;

/// <summary>The claims our tokens carry and how the code reads them.</summary>
internal static class AppClaims
{
    public const string Subject = "sub";
    public const string Username = "username";
    public const string Role = "role";

    /// <summary>Role names as the SDL's <c>@authorize(roles:)</c> spells them.</summary>
    public const string AdminRole = "ADMIN";
    public const string CustomerRole = "CUSTOMER";

    public static string RoleName(Role role) => role == Users.Role.Admin ? AdminRole : CustomerRole;

    public static int? UserId(this ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && int.TryParse(user.FindFirstValue(Subject), NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? id
            : null;

    public static bool IsAdmin(this ClaimsPrincipal? user) => user?.IsInRole(AdminRole) == true;
}
