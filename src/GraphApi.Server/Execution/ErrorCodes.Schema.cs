namespace GraphApi.Server.Execution;

public static partial class ErrorCodes
{
    /// <summary>A malformed global ID, or the ID of another type where a specific type is expected.</summary>
    public const string InvalidId = "INVALID_ID";

    /// <summary>An anonymous caller reached a field or object guarded by <c>@authorize</c> (Hot Chocolate's name).</summary>
    public const string AuthNotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>An authenticated caller failed a role or policy of <c>@authorize</c> (Hot Chocolate's name).</summary>
    public const string AuthNotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>A field the server declares but does not serve yet.</summary>
    public const string NotImplemented = "NOT_IMPLEMENTED";
}
