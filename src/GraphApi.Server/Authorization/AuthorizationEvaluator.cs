using GraphApi.Server.Execution;
using GraphQL;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Authorization;

/// <summary>Evaluates <c>@authorize</c> rules with ASP.NET Core's <see cref="IAuthorizationService"/>.</summary>
internal static class AuthorizationEvaluator
{
    /// <summary>Returns null when every rule passes, else the error code to answer (Hot Chocolate's semantics).</summary>
    public static async ValueTask<string?> DenialAsync(
        IResolveFieldContext context, IReadOnlyList<AuthorizeRule> rules, object resource)
    {
        var user = context.User;
        if (user?.Identity?.IsAuthenticated != true)
        {
            return ErrorCodes.AuthNotAuthenticated;
        }

        foreach (var rule in rules)
        {
            if (rule.Roles.Count > 0 && !rule.Roles.Any(user.IsInRole))
            {
                return ErrorCodes.AuthNotAuthorized;
            }

            if (rule.Policy is not null)
            {
                var service = context.RequestServices?.GetService<IAuthorizationService>()
                    ?? throw new InvalidOperationException(
                        "@authorize(policy:) needs ASP.NET Core authorization: call services.AddAuthorization().");
                var result = await service.AuthorizeAsync(user, resource, rule.Policy).ConfigureAwait(false);
                if (!result.Succeeded)
                {
                    return ErrorCodes.AuthNotAuthorized;
                }
            }
        }

        return null;
    }

    public static ExecutionError Error(string code) => AuthorizationErrors.Denied(code);
}
