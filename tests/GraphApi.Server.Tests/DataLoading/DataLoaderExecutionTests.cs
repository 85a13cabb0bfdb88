using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.DataLoading;

/// <summary>Batching measured through real GraphQL.NET execution under both execution strategies.</summary>
public sealed class DataLoaderExecutionTests
{
    public static TheoryData<string> Strategies => ["parallel", "serial"];

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Nested_lists_fetch_one_batch_per_level(string strategy)
    {
        using var server = LibraryServer.Create(strategy);

        var (result, json) = await server.ExecuteAsync("{ authors { name books { title author { name } } } }");

        Assert.Null(result.Errors);
        Assert.Equal([[1, 2, 3, 4]], server.Calls.Of(nameof(BooksByAuthorLoader)));
        // Six books by three authors: the second level asks six times, the batch holds three distinct keys.
        Assert.Equal([[1, 2, 3]], server.Calls.Of(nameof(AuthorByIdLoader)));
        Snapshot.Match(json);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Same_key_in_one_level_is_fetched_once(string strategy)
    {
        using var server = LibraryServer.Create(strategy);

        var (result, _) = await server.ExecuteAsync("{ authors { x: books { id } y: books { id } } }");

        Assert.Null(result.Errors);
        Assert.Equal([[1, 2, 3, 4]], server.Calls.Of(nameof(BooksByAuthorLoader)));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_loader_shared_by_a_single_field_and_a_list_never_reloads_a_key(string strategy)
    {
        using var server = LibraryServer.Create(strategy);

        var (result, json) = await server.ExecuteAsync("{ author(id: 1) { name } books { title author { name } } }");

        Assert.Null(result.Errors);
        var batches = server.Calls.Of(nameof(AuthorByIdLoader));
        var loadedKeys = batches.SelectMany(keys => keys).ToList();
        Assert.Equal(loadedKeys.Distinct().Order(), loadedKeys.Order());
        Assert.Equal([1, 2, 3], loadedKeys.Order());
        Assert.True(batches.Count <= 2, $"expected at most one batch per level, got {batches.Count}");
        Assert.Contains("\"author\":{\"name\":\"Ann\"}", json);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Root_fields_with_the_same_loader_share_a_batch(string strategy)
    {
        using var server = LibraryServer.Create(strategy);

        var (result, json) = await server.ExecuteAsync(
            "{ a: author(id: 2) { name } b: author(id: 2) { name } c: author(id: 3) { name } }");

        Assert.Null(result.Errors);
        Assert.Equal("""{"data":{"a":{"name":"Bob"},"b":{"name":"Bob"},"c":{"name":"Cy"}}}""", json);
        Assert.Equal([[2, 3]], server.Calls.Of(nameof(AuthorByIdLoader)));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task The_cache_lasts_one_request(string strategy)
    {
        using var server = LibraryServer.Create(strategy);

        await server.ExecuteAsync("{ author(id: 1) { name } }");
        await server.ExecuteAsync("{ author(id: 1) { name } }");

        Assert.Equal([[1], [1]], server.Calls.Of(nameof(AuthorByIdLoader)));
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_missing_key_resolves_to_null_and_a_missing_group_to_an_empty_list(string strategy)
    {
        using var server = LibraryServer.Create(strategy);

        var (result, json) = await server.ExecuteAsync("{ author(id: 99) { name } authors { id books { id } } }");

        Assert.Null(result.Errors);
        Assert.Contains("\"author\":null", json);
        Assert.Contains("{\"id\":4,\"books\":[]}", json);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task A_failing_batch_errors_every_waiting_field(string strategy)
    {
        using var server = LibraryServer.Create(strategy);
        server.Calls.FailingLoader = nameof(BooksByAuthorLoader);

        var (result, json) = await server.ExecuteAsync("{ authors { name books { title } } }")
            .WaitAsync(TimeSpan.FromSeconds(10));

        Assert.NotNull(result.Errors);
        Assert.Equal(
            ["authors.0.books", "authors.1.books", "authors.2.books", "authors.3.books"],
            result.Errors.Select(e => string.Join('.', e.Path!)).Order());
        Assert.Single(server.Calls.Of(nameof(BooksByAuthorLoader)));
        Assert.Contains("{\"name\":\"Di\",\"books\":null}", json);
    }

    [Theory]
    [MemberData(nameof(Strategies))]
    public async Task Argument_dependent_loaders_batch_per_distinct_argument_set(string strategy)
    {
        using var server = LibraryServer.Create(strategy);

        var (result, json) = await server.ExecuteAsync(
            "{ authors { one: firstBooks(first: 1) { id } two: firstBooks(first: 2) { id } again: firstBooks(first: 1) { id } } }");

        Assert.Null(result.Errors);
        Assert.Equal([[1, 2, 3, 4]], server.Calls.Of("firstBooks:1"));
        Assert.Equal([[1, 2, 3, 4]], server.Calls.Of("firstBooks:2"));
        // Two batches of one level: concurrent under the parallel strategy, one after the other under the serial one.
        Assert.Equal(strategy == "serial" ? 1 : 2, server.Calls.MaxConcurrentFetches);
        Assert.Contains("{\"one\":[{\"id\":30}],\"two\":[{\"id\":30},{\"id\":31}],\"again\":[{\"id\":30}]}", json);
    }
}
