namespace GraphApi.Auth;

/// <summary>The policy names the SDL's <c>@authorize(policy:)</c> uses.</summary>
internal static class AppPolicies
{
    public const string SelfOrAdmin = "SelfOrAdmin";
    public const string OrderOwnerOrAdmin = "OrderOwnerOrAdmin";
}
