namespace GraphApi.Server.Schema;

/// <summary>Recognises Relay connection and edge types by Hot Chocolate's naming (<c>XConnection</c>, <c>XEdge</c>).</summary>
internal static class ConnectionShapes
{
    public static bool IsConnection(string typeName, IReadOnlyCollection<string> fields) =>
        typeName.EndsWith("Connection", StringComparison.Ordinal) && fields.Contains("pageInfo");

    public static bool IsEdge(string typeName, IReadOnlyCollection<string> fields) =>
        typeName.EndsWith("Edge", StringComparison.Ordinal) && fields.Contains("cursor") && fields.Contains("node");
}
