using System.Globalization;
using System.Security.Claims;

namespace GraphApi.Server.Sse;

/// <summary>When the credentials a request authenticated with stop being valid, read from the standard <c>exp</c> claim.</summary>
internal static class CredentialExpiry
{
    public const string ExpiryClaim = "exp";

    /// <summary>
    /// <c>exp</c> plus <paramref name="clockSkew"/> for an authenticated <paramref name="user"/> that carries a
    /// numeric <c>exp</c> claim; <see langword="null"/> (no expiry) otherwise.
    /// </summary>
    public static DateTimeOffset? Of(ClaimsPrincipal user, TimeSpan clockSkew)
    {
        if (user.Identity?.IsAuthenticated != true)
        {
            return null;
        }

        // Several identities may carry exp: the earliest one decides.
        DateTimeOffset? earliest = null;
        foreach (var claim in user.FindAll(ExpiryClaim))
        {
            if (long.TryParse(claim.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds)
                && seconds is >= 0 and <= 253_402_300_799) // DateTimeOffset's range
            {
                var expiresAt = DateTimeOffset.FromUnixTimeSeconds(seconds) + clockSkew;
                earliest = earliest is { } known && known <= expiresAt ? known : expiresAt;
            }
        }

        return earliest;
    }
}
