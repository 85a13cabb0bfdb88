namespace GraphApi.Server.Http;

/// <summary>Media types of the GraphQL-over-HTTP spec.</summary>
internal static class GraphQLMediaTypes
{
    public const string GraphQLResponseJson = "application/graphql-response+json";
    public const string Json = "application/json";
    public const string Html = "text/html";
}
