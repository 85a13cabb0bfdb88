namespace GraphApi.Server.Http;

/// <summary>A request refused before execution, with the HTTP status it earns and a GraphQL error code.</summary>
internal sealed record HttpRequestError(int StatusCode, string Code, string Message);
