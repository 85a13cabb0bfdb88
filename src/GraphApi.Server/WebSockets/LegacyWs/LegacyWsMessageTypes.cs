namespace GraphApi.Server.WebSockets.LegacyWs;

/// <summary>Message types of the legacy <c>graphql-ws</c> subprotocol (Apollo's subscriptions-transport-ws).</summary>
internal static class LegacyWsMessageTypes
{
    public const string SubProtocol = "graphql-ws";

    public const string ConnectionInit = "connection_init";
    public const string ConnectionAck = "connection_ack";
    public const string ConnectionError = "connection_error";
    public const string KeepAlive = "ka";
    public const string ConnectionTerminate = "connection_terminate";
    public const string Start = "start";
    public const string Data = "data";
    public const string Error = "error";
    public const string Complete = "complete";
    public const string Stop = "stop";

    /// <summary>The protocol has no codes of its own; the rejection code is the contract's 4403.</summary>
    public const int Forbidden = 4403;

    /// <summary>A second connection_init (graphql-transport-ws's code, the protocol has none).</summary>
    public const int TooManyInitialisationRequests = 4429;
}
