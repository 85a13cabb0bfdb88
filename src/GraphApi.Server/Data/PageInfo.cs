namespace GraphApi.Server.Data;

/// <summary>Relay page information; both <c>has*</c> flags are exact. The end cursors are encoded when first read.</summary>
public sealed class PageInfo : IEquatable<PageInfo>
{
    private readonly IHasCursor? _first;
    private readonly IHasCursor? _last;
    private readonly string? _startCursor;
    private readonly string? _endCursor;

    public PageInfo(bool hasNextPage, bool hasPreviousPage, string? startCursor, string? endCursor)
    {
        HasNextPage = hasNextPage;
        HasPreviousPage = hasPreviousPage;
        _startCursor = startCursor;
        _endCursor = endCursor;
    }

    private PageInfo(bool hasNextPage, bool hasPreviousPage, IHasCursor? first, IHasCursor? last)
    {
        HasNextPage = hasNextPage;
        HasPreviousPage = hasPreviousPage;
        _first = first;
        _last = last;
    }

    /// <summary>Page information whose cursors are the first and last edges', read when asked.</summary>
    internal static PageInfo Between(bool hasNextPage, bool hasPreviousPage, IHasCursor? first, IHasCursor? last) =>
        new(hasNextPage, hasPreviousPage, first, last);

    public bool HasNextPage { get; }

    public bool HasPreviousPage { get; }

    /// <summary>The first edge's cursor; null on an empty page.</summary>
    public string? StartCursor => _first?.Cursor ?? _startCursor;

    /// <summary>The last edge's cursor; null on an empty page.</summary>
    public string? EndCursor => _last?.Cursor ?? _endCursor;

    public bool Equals(PageInfo? other) =>
        other is not null
        && HasNextPage == other.HasNextPage
        && HasPreviousPage == other.HasPreviousPage
        && StartCursor == other.StartCursor
        && EndCursor == other.EndCursor;

    public override bool Equals(object? obj) => Equals(obj as PageInfo);

    public override int GetHashCode() => HashCode.Combine(HasNextPage, HasPreviousPage, StartCursor, EndCursor);

    public override string ToString() =>
        $"PageInfo {{ HasNextPage = {HasNextPage}, HasPreviousPage = {HasPreviousPage}, StartCursor = {StartCursor}, EndCursor = {EndCursor} }}";
}
