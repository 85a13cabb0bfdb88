using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Http;

/// <summary>
/// The path <c>MapGraphQL</c> mapped the endpoint to (default <c>/graphql</c>), so that what is served beside it
/// (the IDE's assets and settings) follows the one pattern the app wrote.
/// </summary>
internal sealed class GraphQLEndpointPath
{
    public PathString Value { get; set; } = "/graphql";
}
