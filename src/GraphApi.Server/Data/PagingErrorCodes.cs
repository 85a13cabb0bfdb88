namespace GraphApi.Server.Data;

/// <summary>The <c>extensions.code</c> values of paging errors (see the contract's decisions.md, "Paging").</summary>
public static class PagingErrorCodes
{
    /// <summary><c>first</c> or <c>last</c> is larger than <see cref="PagingOptions.MaxPageSize"/>.</summary>
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";

    /// <summary>A negative <c>first</c>/<c>last</c>, or <c>first</c> and <c>last</c> together.</summary>
    public const string InvalidPagingArguments = "INVALID_PAGING_ARGUMENTS";

    /// <summary>An undecodable cursor, or one made for another connection field or another <c>order:</c>.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";
}
