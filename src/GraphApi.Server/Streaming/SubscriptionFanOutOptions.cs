using System.Security.Claims;
using System.Text;

namespace GraphApi.Server.Streaming;

/// <summary>
/// Subscription fan-out: subscribers whose event results must be identical share one execution (and one
/// serialization) per event. Identical means the same document text, operation name and variable values, the
/// same source event object, and the same <see cref="Audience"/>: what the schema's authorization and resolvers can
/// see of the principal. Each subscriber still subscribes (and is authorized) on its own.
/// </summary>
public sealed class SubscriptionFanOutOptions
{
    /// <summary>Token claims that differ per token but never per access decision; the default audience ignores them.</summary>
    private static readonly HashSet<string> LifetimeClaims = new(StringComparer.Ordinal) { "exp", "nbf", "iat", "jti", "auth_time" };

    /// <summary>Whether subscribers with the same result share one execution per event. Default: <see langword="true"/>.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The part of a principal that an event's result may depend on, as a string: principals with equal strings share
    /// results; <see langword="null"/> never shares. It must capture everything the schema's authorization and any
    /// resolver read from the user. Default: <see cref="ClaimsAudience"/> (the same user with the same claims).
    /// </summary>
    public Func<ClaimsPrincipal, string?> Audience { get; set; } = ClaimsAudience;

    /// <summary>
    /// Every identity's authentication type and every claim (type and value, in order), except the token's own
    /// lifetime and id claims (<c>exp nbf iat jti auth_time</c>): two sockets of one user with one role set share,
    /// different users never do. Anonymous principals (no claims) share with each other.
    /// </summary>
    public static string ClaimsAudience(ClaimsPrincipal user)
    {
        var key = new StringBuilder();
        foreach (var identity in user.Identities)
        {
            key.Append(identity.IsAuthenticated ? 'A' : 'a').Append(identity.AuthenticationType).Append('\u001e');
            foreach (var claim in identity.Claims)
            {
                if (!LifetimeClaims.Contains(claim.Type))
                {
                    key.Append(claim.Type).Append('\u001f').Append(claim.Value).Append('\u001e');
                }
            }

            key.Append('\u001d');
        }

        return key.ToString();
    }
}
