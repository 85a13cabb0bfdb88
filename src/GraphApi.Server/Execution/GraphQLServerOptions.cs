namespace GraphApi.Server.Execution;

/// <summary>Options of the GraphQL runtime (executor and HTTP transport).</summary>
public sealed class GraphQLServerOptions
{
    /// <summary>
    /// Longest time one operation may execute before it is aborted with error code <c>TIMEOUT</c>.
    /// Default: 30 seconds.
    /// </summary>
    public TimeSpan ExecutionTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Largest accepted HTTP request body in bytes; larger bodies are answered with 413, and a GET query string
    /// longer than this with 414.
    /// Default: 1,048,576 (1 MiB).
    /// </summary>
    public long MaxRequestBodyBytes { get; set; } = 1_048_576;

    /// <summary>
    /// Whether unexpected resolver exceptions show their message and stack trace to the client.
    /// Default: <see langword="null"/>, meaning only when the host environment is Development.
    /// </summary>
    public bool? ExposeExceptionDetails { get; set; }
}
