using System.Security.Claims;
using GraphQL.Transport;

namespace GraphApi.Server.Execution;

/// <summary>One GraphQL request as a transport hands it to <see cref="IGraphQLExecutor"/>.</summary>
/// <param name="Request">Query, variables, operation name and extensions.</param>
/// <param name="User">The caller (anonymous principal when not authenticated).</param>
/// <param name="RequestServices">The request's DI scope; resolvers and loaders come from here.</param>
/// <param name="QueriesOnly">
/// When <see langword="true"/> (HTTP GET), a mutation or subscription is refused with code
/// <c>OPERATION_NOT_ALLOWED_OVER_GET</c>. Default: <see langword="false"/>.
/// </param>
/// <param name="AllowSubscriptions">
/// <see langword="false"/> for transports that cannot stream events (plain HTTP): a subscription is refused with
/// code <c>STREAMING_TRANSPORT_REQUIRED</c> before it starts. Default: <see langword="true"/>.
/// </param>
/// <param name="RefuseMutations">
/// When <see langword="true"/> (SSE over GET: queries and subscriptions only, a GET must be safe), a mutation is
/// refused with code <c>OPERATION_NOT_ALLOWED_OVER_GET</c>. Default: <see langword="false"/>.
/// </param>
/// <param name="ReportCost">
/// When <see langword="true"/> (HTTP header <c>GraphQL-Cost: report</c>), the result carries
/// <c>extensions.cost: { estimated, limit }</c> when cost analysis is enabled. Default: <see langword="false"/>.
/// </param>
public sealed record GraphQLExecutionRequest(
    GraphQLRequest Request,
    ClaimsPrincipal User,
    IServiceProvider RequestServices,
    bool QueriesOnly = false,
    bool AllowSubscriptions = true,
    bool ReportCost = false,
    bool RefuseMutations = false);
