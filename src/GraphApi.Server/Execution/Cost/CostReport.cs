using GraphQL;

namespace GraphApi.Server.Execution.Cost;

/// <summary>
/// Hot Chocolate's <c>GraphQL-Cost: report</c>: the transport marks the request (see
/// <see cref="GraphQLExecutionRequest.ReportCost"/>) and the result gains <c>extensions.cost: { estimated, limit }</c>.
/// </summary>
internal static class CostReport
{
    /// <summary>The HTTP request header, and the value that asks for the report.</summary>
    public const string Header = "GraphQL-Cost";

    public const string ReportValue = "report";

    private const string UserContextKey = "GraphApi.Server.CostReport";

    public static void Request(ExecutionOptions options) => options.UserContext[UserContextKey] = true;

    public static bool IsRequested(ExecutionOptions options) =>
        options.UserContext.TryGetValue(UserContextKey, out var requested) && requested is true;

    public static void Add(ExecutionResult result, long estimated, long limit)
    {
        result.Extensions ??= [];
        result.Extensions["cost"] = new Dictionary<string, object?> { ["estimated"] = estimated, ["limit"] = limit };
    }
}
