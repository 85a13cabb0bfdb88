using GraphApi.Server.DataLoading;

namespace GraphApi.Server.Tests.DataLoading;

internal sealed class AuthorByIdLoader(LoaderCalls calls) : BatchDataLoader<int, Author>
{
    protected override async Task<IReadOnlyDictionary<int, Author>> LoadBatchAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await calls.RecordAsync(nameof(AuthorByIdLoader), keys, cancellationToken);
        return Library.Authors.Where(a => keys.Contains(a.Id)).ToDictionary(a => a.Id);
    }
}

internal sealed class BooksByAuthorLoader(LoaderCalls calls) : GroupDataLoader<int, Book>
{
    protected override async Task<ILookup<int, Book>> LoadGroupsAsync(
        IReadOnlyList<int> keys, CancellationToken cancellationToken)
    {
        await calls.RecordAsync(nameof(BooksByAuthorLoader), keys, cancellationToken);
        return Library.Books.Where(b => keys.Contains(b.AuthorId)).ToLookup(b => b.AuthorId);
    }
}
