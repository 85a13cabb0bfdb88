using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Http;

/// <summary>Mapping of the GraphQL endpoint.</summary>
public static class GraphQLEndpointRouteBuilderExtensions
{
    /// <summary>
    /// Maps GraphQL (all HTTP methods; registered <see cref="IGraphQLTransport"/>s first, then GraphQL over HTTP)
    /// at <paramref name="pattern"/>. Requires <c>services.AddGraphQLServer()</c>.
    /// </summary>
    /// <param name="endpoints">The route builder.</param>
    /// <param name="pattern">The route. Default: <c>/graphql</c>.</param>
    /// <returns>The endpoint's convention builder (e.g. for <c>RequireCors</c>).</returns>
    public static IEndpointConventionBuilder MapGraphQL(this IEndpointRouteBuilder endpoints, string pattern = "/graphql")
    {
        // Recorded before the endpoint (and the IDE behind its transports) is resolved: the IDE serves beside it.
        endpoints.ServiceProvider.GetRequiredService<GraphQLEndpointPath>().Value = "/" + pattern.Trim('/');
        var endpoint = endpoints.ServiceProvider.GetRequiredService<GraphQLEndpoint>();
        return endpoints.Map(pattern, (RequestDelegate)endpoint.HandleAsync).WithDisplayName("GraphQL");
    }
}
