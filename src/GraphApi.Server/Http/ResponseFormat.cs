namespace GraphApi.Server.Http;

/// <summary>The negotiated response media type; decides status codes as well as Content-Type.</summary>
internal enum ResponseFormat
{
    /// <summary><c>application/graphql-response+json</c>: a response without data is a 400.</summary>
    GraphQLResponseJson,

    /// <summary><c>application/json</c> (legacy): every well-formed GraphQL request is a 200.</summary>
    Json,
}
