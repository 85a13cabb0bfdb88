namespace GraphApi.Server.Sse;

/// <summary>Options of GraphQL over Server-Sent Events (graphql-sse, distinct connections mode).</summary>
public sealed class SseOptions
{
    /// <summary>Interval of keep-alive comment lines (<c>:</c>) on an open stream; <see cref="TimeSpan.Zero"/> disables them. Default: 5 seconds.</summary>
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Events one subscription may hold while the client reads too slowly; when full the OLDEST pending event is
    /// dropped (the stream stays open). Default: 64.
    /// </summary>
    public int SubscriptionBufferCapacity { get; set; } = 64;

    /// <summary>
    /// Clock skew added to the expiry of the caller's credentials: a stream whose authenticated user carries an
    /// <c>exp</c> claim (JWT, seconds since the Unix epoch) ends with a <c>complete</c> event once
    /// <c>exp</c> + this skew has passed, as a WebSocket closes with 4403. Set it to the skew the token validation
    /// allows. Default: 30 seconds.
    /// </summary>
    public TimeSpan CredentialClockSkew { get; set; } = TimeSpan.FromSeconds(30);
}
