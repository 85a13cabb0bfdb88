namespace GraphApi.Server.Data;

/// <summary>The Relay paging arguments of a connection field; all optional.</summary>
public sealed record PagingArguments(int? First, string? After, int? Last, string? Before);
