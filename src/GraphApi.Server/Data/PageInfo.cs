namespace GraphApi.Server.Data;

/// <summary>Relay page information; both <c>has*</c> flags are exact.</summary>
public sealed record PageInfo(bool HasNextPage, bool HasPreviousPage, string? StartCursor, string? EndCursor);
