using GraphApi.Server.Execution;
using GraphQL;

namespace GraphApi.Server.Data;

/// <summary>The validated size and direction of a page: <c>first</c> reads forward, <c>last</c> from the end.</summary>
internal readonly record struct PageWindow(int Size, bool FromEnd)
{
    public static PageWindow From(PagingArguments paging, PagingOptions options)
    {
        if (paging.First < 0 || paging.Last < 0)
        {
            throw Error(ErrorCodes.InvalidPagingArguments, "'first' and 'last' must not be negative.");
        }

        if (paging.First is not null && paging.Last is not null)
        {
            throw Error(ErrorCodes.InvalidPagingArguments, "Pass either 'first' or 'last', not both.");
        }

        if (paging.First > options.MaxPageSize || paging.Last > options.MaxPageSize)
        {
            throw Error(ErrorCodes.PageSizeExceeded, $"A page holds at most {options.MaxPageSize} items.");
        }

        return paging.Last is { } last ? new PageWindow(last, FromEnd: true) : new PageWindow(paging.First ?? options.DefaultPageSize, FromEnd: false);
    }

    private static ExecutionError Error(string code, string message) => new(message) { Code = code };
}
