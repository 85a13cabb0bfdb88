namespace GraphApi.Server.Data;

/// <summary>Page size limits of a connection.</summary>
public sealed class PagingOptions
{
    /// <summary>The page size when neither <c>first</c> nor <c>last</c> is given. Default 10.</summary>
    public int DefaultPageSize { get; set; } = 10;

    /// <summary>The largest allowed <c>first</c>/<c>last</c>; larger values are PAGE_SIZE_EXCEEDED. Default 50.</summary>
    public int MaxPageSize { get; set; } = 50;
}
