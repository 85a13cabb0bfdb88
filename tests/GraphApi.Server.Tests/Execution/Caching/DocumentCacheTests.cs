using GraphApi.Server.Execution.Caching;
using GraphApi.Server.Tests.Execution.Limits;
using GraphQL;
using GraphQL.DI;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Tests.Execution.Caching;

public sealed class DocumentCacheTests
{
    [Fact]
    public async Task A_hit_reuses_the_parsed_document_and_answers_the_same()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache());

        var miss = await server.ExecuteAsync("{ node { name child { id } } }");
        var hit = await server.ExecuteAsync("{ node { name child { id } } }");

        Assert.NotNull(miss.Document);
        Assert.Same(miss.Document, hit.Document);
        Assert.Equal(ChainServer.Json(miss), ChainServer.Json(hit));
        Assert.Equal("""{"data":{"node":{"name":"node 1","child":{"id":2}}}}""", ChainServer.Json(hit));
    }

    [Fact]
    public async Task Different_texts_are_different_entries()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache());

        var first = await server.ExecuteAsync("{ node { id } }");
        var second = await server.ExecuteAsync("{node{id}}");

        Assert.NotSame(first.Document, second.Document);
        Assert.Equal(2, Cache(server).Count);
    }

    [Fact]
    public async Task Invalid_documents_are_not_cached()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache());

        var first = await server.ExecuteAsync("{ node { nope } }");
        var second = await server.ExecuteAsync("{ node { nope } }");
        await server.ExecuteAsync("{ node { ");

        Assert.False(first.Executed);
        Assert.False(second.Executed);
        Assert.Contains(second.Errors!, e => e.Code == "FIELDS_ON_CORRECT_TYPE");
        Assert.Equal(0, Cache(server).Count);
    }

    [Fact]
    public async Task A_hit_runs_only_the_rules_for_cached_documents()
    {
        var everyTime = new CountingRule();
        var onceOnly = new CountingRule();
        using var server = ChainServer.Create(b => b
            .UseDocumentCache()
            .AddValidationRule(everyTime, useForCachedDocuments: true)
            .AddValidationRule(onceOnly, useForCachedDocuments: false));

        await server.ExecuteAsync("{ node { id } }");
        await server.ExecuteAsync("{ node { id } }");
        await server.ExecuteAsync("{ node { id } }");

        Assert.Equal(3, everyTime.Runs);
        Assert.Equal(1, onceOnly.Runs);
    }

    [Fact]
    public async Task A_hit_leaves_out_a_rule_that_does_not_apply_to_its_document()
    {
        var scoped = new ScopedCountingRule(document => document.Source.ToString().Contains("child", StringComparison.Ordinal));
        using var server = ChainServer.Create(b => b.UseDocumentCache().AddValidationRule(scoped, useForCachedDocuments: true));

        for (var i = 0; i < 3; i++)
        {
            await server.ExecuteAsync("{ node { id } }");
            await server.ExecuteAsync("{ node { child { id } } }");
        }

        // The first document: its miss only. The second: every request.
        Assert.Equal(1 + 3, scoped.Runs);
    }

    [Fact]
    public void A_hit_with_no_applicable_rule_validates_with_none_so_the_document_is_not_walked()
    {
        var document = GraphQLParser.Parser.Parse("{ node { id } }");
        var never = new ScopedCountingRule(_ => false);
        var always = new ScopedCountingRule(_ => true);
        var plain = new CountingRule();
        var schema = new GraphQL.Types.Schema();

        Assert.Empty(DocumentCacheExecution.RulesFor(document, [never], schema));
        Assert.Equal([plain], DocumentCacheExecution.RulesFor(document, [never, plain], schema));
        IValidationRule[] applicable = [always, plain];
        Assert.Same(applicable, DocumentCacheExecution.RulesFor(document, applicable, schema));
        Assert.Empty(DocumentCacheExecution.RulesFor(document, null, schema));
    }

    [Fact]
    public async Task Eviction_keeps_the_bound()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache(o => o.MaxEntries = 3));
        var queries = Enumerable.Range(1, 5).Select(i => $"{{ node {{ a{i}: id }} }}").ToArray();
        var documents = new List<GraphQLDocument?>();
        foreach (var query in queries)
        {
            documents.Add((await server.ExecuteAsync(query)).Document);
        }

        Assert.Equal(3, Cache(server).Count);
        Assert.Same(documents[4], (await server.ExecuteAsync(queries[4])).Document);
        Assert.NotSame(documents[0], (await server.ExecuteAsync(queries[0])).Document);
    }

    [Fact]
    public async Task Bytes_of_text_are_bounded_as_well_as_entries()
    {
        // Each query is padded by a comment (one token) to the same size; three of them fit the budget, four do not.
        var queries = Enumerable.Range(1, 4).Select(i => $"{{ node {{ a{i}: id }} }}#" + new string('x', 1_000)).ToArray();
        var size = DocumentCacheExecution.TextBytes(queries[0]);
        using var server = ChainServer.Create(b => b.UseDocumentCache(o => o.MaxBytes = size * 3));

        foreach (var query in queries)
        {
            Assert.True((await server.ExecuteAsync(query)).Executed);
        }

        Assert.Equal(3, Cache(server).Count);
        Assert.Equal(size * 3, Cache(server).Bytes);
    }

    [Fact]
    public async Task A_document_larger_than_the_byte_budget_runs_but_is_not_cached()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache(o => o.MaxBytes = 100));
        var query = "{ node { id } }#" + new string('x', 100);

        var first = await server.ExecuteAsync(query);
        var second = await server.ExecuteAsync(query);

        Assert.Equal("""{"data":{"node":{"id":1}}}""", ChainServer.Json(second));
        Assert.NotSame(first.Document, second.Document);
        Assert.Equal(0, Cache(server).Count);
    }

    [Fact]
    public async Task Concurrent_requests_share_the_cache_safely()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache(o => o.MaxEntries = 10));
        var queries = Enumerable.Range(1, 20).Select(i => $"{{ node {{ n{i}: id }} }}").ToArray();

        var results = await Task.WhenAll(Enumerable.Range(0, 400).Select(i => Task.Run(async () =>
        {
            var index = i % queries.Length;
            return (index, json: ChainServer.Json(await server.ExecuteAsync(queries[index])));
        })));

        Assert.All(results, r => Assert.Equal("{\"data\":{\"node\":{\"n" + (r.index + 1) + "\":1}}}", r.json));
        Assert.Equal(10, Cache(server).Count);
    }

    [Fact]
    public async Task A_size_below_one_is_refused()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache(o => o.MaxEntries = 0));

        var error = await Assert.ThrowsAsync<OptionsValidationException>(() => server.ExecuteAsync("{ __typename }"));
        Assert.Contains("MaxEntries must be at least 1; it is 0.", error.Message, StringComparison.Ordinal);
    }

    private static DocumentCacheExecution Cache(ChainServer server) =>
        server.Services.GetServices<IConfigureExecution>().OfType<DocumentCacheExecution>().Single();

    private sealed class ScopedCountingRule(Func<GraphQLDocument, bool> appliesTo) : ValidationRuleBase, IDocumentScopedRule
    {
        private int _runs;

        public int Runs => _runs;

        public bool AppliesTo(GraphQLDocument document, GraphQL.Types.ISchema schema) => appliesTo(document);

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            Interlocked.Increment(ref _runs);
            return ValueTask.FromResult<INodeVisitor?>(null);
        }
    }

    private sealed class CountingRule : ValidationRuleBase
    {
        private int _runs;

        public int Runs => _runs;

        public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
        {
            Interlocked.Increment(ref _runs);
            return ValueTask.FromResult<INodeVisitor?>(null);
        }
    }
}
