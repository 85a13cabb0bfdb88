using GraphApi.Server.DataLoading;
using GraphQL;
using GraphQL.DataLoader;

namespace GraphApi.Server.Tests.DataLoading;

[GraphQLMetadata("Query")]
internal sealed class QueryResolvers
{
    public IEnumerable<Author> Authors() => Library.Authors;

    public IEnumerable<Book> Books() => Library.Books;

    public IDataLoaderResult<Author?> Author(int id, [FromServices] AuthorByIdLoader loader) => loader.LoadAsync(id);
}

[GraphQLMetadata("Author")]
internal sealed class AuthorResolvers
{
    public IDataLoaderResult<IReadOnlyList<Book>> Books([FromSource] Author author, [FromServices] BooksByAuthorLoader loader) =>
        loader.LoadAsync(author.Id);

    // The batch depends on `first`, so each distinct value gets its own loader within the request.
    public IDataLoaderResult<IReadOnlyList<Book>> FirstBooks(
        [FromSource] Author author, int first, [FromServices] DataLoaderScope scope, [FromServices] LoaderCalls calls) =>
        scope.GetOrCreate($"firstBooks:{first}", () => new FuncGroupDataLoader<int, Book>(async (keys, ct) =>
            {
                await calls.RecordAsync($"firstBooks:{first}", keys, ct);
                return Library.Books.Where(b => keys.Contains(b.AuthorId))
                    .GroupBy(b => b.AuthorId)
                    .SelectMany(g => g.Take(first))
                    .ToLookup(b => b.AuthorId);
            }))
            .LoadAsync(author.Id);
}

[GraphQLMetadata("Book")]
internal sealed class BookResolvers
{
    public IDataLoaderResult<Author?> Author([FromSource] Book book, [FromServices] AuthorByIdLoader loader) =>
        loader.LoadAsync(book.AuthorId);
}
