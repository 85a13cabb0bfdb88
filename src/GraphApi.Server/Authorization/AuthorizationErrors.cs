using GraphApi.Server.Execution;
using GraphQL;

namespace GraphApi.Server.Authorization;

/// <summary>
/// The errors <c>@authorize</c> answers with, for resolvers that decide access themselves (e.g. at subscribe time),
/// so every denial reads the same: Hot Chocolate's message, with the code saying whether the caller is known.
/// </summary>
public static class AuthorizationErrors
{
    /// <summary>The message of every denial: "The current user is not authorized to access this resource."</summary>
    public const string DeniedMessage = "The current user is not authorized to access this resource.";

    /// <summary>An authenticated caller that the policy refuses: <c>AUTH_NOT_AUTHORIZED</c>.</summary>
    public static ExecutionError NotAuthorized() => Denied(ErrorCodes.AuthNotAuthorized);

    /// <summary>An anonymous caller (or one without a usable identity): <c>AUTH_NOT_AUTHENTICATED</c>.</summary>
    public static ExecutionError NotAuthenticated() => Denied(ErrorCodes.AuthNotAuthenticated);

    internal static ExecutionError Denied(string code) => new(DeniedMessage) { Code = code };
}
