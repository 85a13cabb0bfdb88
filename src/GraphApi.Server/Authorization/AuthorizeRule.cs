using GraphQL;
using GraphQL.Types;

namespace GraphApi.Server.Authorization;

/// <summary>
/// One applied <c>@authorize(policy:, roles:)</c>: the caller must be authenticated, hold any of the roles
/// (when given) and satisfy the policy (when given). Several applied directives must all pass.
/// </summary>
internal sealed record AuthorizeRule(string? Policy, IReadOnlyList<string> Roles)
{
    public const string DirectiveName = "authorize";

    public static IReadOnlyList<AuthorizeRule> From(IMetadataReader element)
    {
        var applied = element.GetAppliedDirectives();
        if (applied is null)
        {
            return [];
        }

        return applied
            .Where(d => d.Name == DirectiveName)
            .Select(d => new AuthorizeRule(
                d.FindArgument("policy")?.Value as string,
                (d.FindArgument("roles")?.Value as IEnumerable<object?>)?.OfType<string>().ToArray() ?? []))
            .ToArray();
    }
}
