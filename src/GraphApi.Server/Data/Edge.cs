namespace GraphApi.Server.Data;

/// <summary>One node of a connection page with its opaque keyset cursor.</summary>
public sealed record Edge<T>(string Cursor, T Node);
