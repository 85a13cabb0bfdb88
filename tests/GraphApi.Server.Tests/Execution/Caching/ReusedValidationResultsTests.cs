using GraphApi.Server.Execution.Caching;
using GraphApi.Server.Tests.Execution.Limits;
using GraphQL;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Rules;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Execution.Caching;

public sealed class ReusedValidationResultsTests
{
    private const string Sdl = "type Query { count(min: Int!): Int echo(text: String!): String }";

    [Fact]
    public async Task An_operation_without_variables_and_no_rule_to_run_is_walked_once()
    {
        var (validator, inner) = Create();
        var schema = Schema();
        var document = GraphQLParser.Parser.Parse("""{ echo(text: "kept") }""");

        var first = await validator.ValidateAsync(Options(schema, document, rules: []));
        var second = await validator.ValidateAsync(Options(schema, document, rules: []));

        Assert.Equal(1, inner.Runs);
        Assert.True(second.IsValid);
        Assert.Same(first, second);
        Assert.Equal("kept", second.ArgumentValues!.Values.Single()["text"].Value);
    }

    [Fact]
    public async Task Operations_with_variables_are_validated_on_every_request()
    {
        var (validator, inner) = Create();
        var schema = Schema();
        var document = GraphQLParser.Parser.Parse("query ($text: String!) { echo(text: $text) }");

        var first = await validator.ValidateAsync(Options(schema, document, rules: [], new Inputs(new Dictionary<string, object?> { ["text"] = "a" })));
        var second = await validator.ValidateAsync(Options(schema, document, rules: [], new Inputs(new Dictionary<string, object?> { ["text"] = "b" })));

        Assert.Equal(2, inner.Runs);
        Assert.Equal("a", first.Variables!.ValueFor("text", out var a) ? a.Value : null);
        Assert.Equal("b", second.Variables!.ValueFor("text", out var b) ? b.Value : null);
    }

    [Fact]
    public async Task Requests_that_run_rules_are_validated_every_time()
    {
        var (validator, inner) = Create();
        var schema = Schema();
        var document = GraphQLParser.Parser.Parse("{ count(min: 1) }");

        await validator.ValidateAsync(Options(schema, document, rules: [KnownArgumentNames.Instance]));
        await validator.ValidateAsync(Options(schema, document, rules: [KnownArgumentNames.Instance]));
        await validator.ValidateAsync(Options(schema, document, rules: null)); // null: GraphQL.NET's core rules

        Assert.Equal(3, inner.Runs);
    }

    [Fact]
    public async Task An_invalid_result_is_not_kept()
    {
        var (validator, inner) = Create();
        var schema = Schema();
        var document = GraphQLParser.Parser.Parse("""{ count(min: "not a number") }""");

        var first = await validator.ValidateAsync(Options(schema, document, rules: []));
        await validator.ValidateAsync(Options(schema, document, rules: []));

        Assert.False(first.IsValid);
        Assert.Equal(2, inner.Runs);
    }

    [Fact]
    public async Task A_result_is_reused_only_for_the_schema_it_was_made_with()
    {
        var (validator, inner) = Create();
        var document = GraphQLParser.Parser.Parse("{ count(min: 1) }");

        await validator.ValidateAsync(Options(Schema(), document, rules: []));
        await validator.ValidateAsync(Options(Schema(), document, rules: []));

        Assert.Equal(2, inner.Runs);
    }

    [Fact]
    public async Task Through_the_document_cache_each_request_gets_its_own_variables_and_literals()
    {
        using var server = ChainServer.Create(b => b.UseDocumentCache());
        const string withVariable = "query ($text: String!) { node { echo(text: $text) } }";

        var answers = new List<string>();
        foreach (var text in new[] { "one", "two", "three" })
        {
            answers.Add(ChainServer.Json(await server.ExecuteAsync(withVariable, variables: new Inputs(new Dictionary<string, object?> { ["text"] = text }))));
            answers.Add(ChainServer.Json(await server.ExecuteAsync("""{ node { echo(text: "literal") } }""")));
        }

        Assert.IsType<ReusedValidationResults>(server.Services.GetRequiredService<IDocumentValidator>());
        Assert.Equal(
            ["one", "literal", "two", "literal", "three", "literal"],
            answers.Select(json => System.Text.Json.JsonDocument.Parse(json).RootElement.GetProperty("data").GetProperty("node").GetProperty("echo").GetString()));
    }

    private static (ReusedValidationResults Validator, CountingValidator Inner) Create()
    {
        var inner = new CountingValidator();
        return (new ReusedValidationResults(inner), inner);
    }

    private static ISchema Schema()
    {
        var schema = GraphQL.Types.Schema.For(Sdl);
        schema.Initialize();
        return schema;
    }

    private static ValidationOptions Options(ISchema schema, GraphQLDocument document, IValidationRule[]? rules, Inputs? variables = null) => new()
    {
        Schema = schema,
        Document = document,
        Operation = document.Definitions.OfType<GraphQLOperationDefinition>().Single(),
        Rules = rules,
        Variables = variables ?? Inputs.Empty,
    };

    /// <summary>GraphQL.NET's validator, counting the walks it makes.</summary>
    private sealed class CountingValidator : IDocumentValidator
    {
        private readonly DocumentValidator _validator = new();
        private int _runs;

        public int Runs => _runs;

        public Task<IValidationResult> ValidateAsync(in ValidationOptions options)
        {
            Interlocked.Increment(ref _runs);
            return _validator.ValidateAsync(options);
        }
    }
}
