using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphApi.Cli;
using GraphApi.Server.Execution.PersistedOperations;
using GraphApi.Tests.Hosting;
using GraphQL.Types;

namespace GraphApi.Tests.Cli;

/// <summary>
/// <c>operations add</c> and <c>operations check</c>: documents validated against the schema, written under their
/// hash, served by the app from that directory, and caught by <c>check</c> once the schema no longer fits them.
/// </summary>
public sealed class OperationsCliTests : IDisposable
{
    private static readonly string ProductByIdSample = RepositoryRoot.Combine("samples", "operations", "product-by-id.graphql");
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graphapi-operations-cli-");

    private string Output => Path.Combine(_directory.FullName, "persisted");

    [Fact]
    public async Task Add_writes_each_document_under_its_hash_and_the_app_serves_it_from_that_directory()
    {
        var run = Run(["operations", "add", ProductByIdSample, "--output", Output], withSchema: null); // the served schema
        var hash = DocumentHash.Of(File.ReadAllText(ProductByIdSample));

        Assert.True(run.ExitCode == OperationsCli.Success, run.Error);
        Assert.Contains($"{hash}  {ProductByIdSample}", run.Output);
        Assert.Equal(File.ReadAllText(ProductByIdSample), File.ReadAllText(Path.Combine(Output, hash + ".graphql")));

        await using var factory = new GraphApiFactory(new Dictionary<string, string?>
        {
            ["Seed:SampleData"] = "true",
            ["GraphQL:PersistedOperations:Directory"] = Output,
            ["GraphQL:PersistedOperations:OnlyPersisted"] = "true",
        });
        using var client = factory.CreateClient();
        using var byId = await client.PostAsJsonAsync("/graphql", new { documentId = "sha256:" + hash, variables = new { id = "UHJvZHVjdDox" } });
        using var byText = await client.PostAsJsonAsync("/graphql", new { query = "{ __typename }" });
        var body = JsonNode.Parse(await byId.Content.ReadAsStringAsync())!;

        Assert.Equal(HttpStatusCode.OK, byId.StatusCode);
        Assert.Equal("UHJvZHVjdDox", (string?)body["data"]?["productById"]?["id"]);
        Assert.Equal(HttpStatusCode.BadRequest, byText.StatusCode);
    }

    [Fact]
    public void Add_expands_a_glob_the_shell_left_alone()
    {
        var sources = Directory.CreateDirectory(Path.Combine(_directory.FullName, "src"));
        File.WriteAllText(Path.Combine(sources.FullName, "a.graphql"), "{ hello }");
        File.WriteAllText(Path.Combine(sources.FullName, "b.graphql"), "query B { hello }");
        File.WriteAllText(Path.Combine(sources.FullName, "c.txt"), "not a document");

        var run = Run(["operations", "add", Path.Combine(sources.FullName, "*.graphql"), "-o", Output]);

        Assert.True(run.ExitCode == OperationsCli.Success, run.Error);
        Assert.Equal(
            new[] { DocumentHash.Of("{ hello }"), DocumentHash.Of("query B { hello }") }.Order(StringComparer.Ordinal),
            Directory.GetFiles(Output).Select(Path.GetFileNameWithoutExtension).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Add_refuses_an_invalid_document_naming_it_and_writes_nothing()
    {
        var valid = Write("valid.graphql", "{ hello }");
        var invalid = Write("invalid.graphql", "{ hello goodbye }");

        var run = Run(["operations", "add", valid, invalid, "--output", Output]);

        Assert.Equal(OperationsCli.InvalidDocuments, run.ExitCode);
        Assert.Contains($"{invalid} is invalid:", run.Error);
        Assert.Contains("goodbye", run.Error);
        Assert.DoesNotContain(valid, run.Error);
        Assert.False(Directory.Exists(Output));
    }

    [Fact]
    public void Add_reports_a_syntax_error_with_its_line()
    {
        var broken = Write("broken.graphql", "{\n  hello\n  )\n}");

        var run = Run(["operations", "add", broken, "--output", Output]);

        Assert.Equal(OperationsCli.InvalidDocuments, run.ExitCode);
        Assert.True(run.Error.Contains("Syntax error", StringComparison.Ordinal), run.Error);
        Assert.True(run.Error.Contains("(line 3)", StringComparison.Ordinal), run.Error);
    }

    [Fact]
    public void Add_reports_a_syntax_error_after_carriage_returns_with_its_line()
    {
        // GraphQL-Parser alone throws IndexOutOfRangeException here; the CLI parses as the server does.
        var broken = Write("classic-mac.graphql", "{\r  hello\r  )\r}");

        var run = Run(["operations", "add", broken, "--output", Output]);

        Assert.Equal(OperationsCli.InvalidDocuments, run.ExitCode);
        Assert.True(run.Error.Contains("Syntax error", StringComparison.Ordinal), run.Error);
        Assert.True(run.Error.Contains("(line 3)", StringComparison.Ordinal), run.Error);
    }

    [Fact]
    public void Check_passes_while_the_schema_fits_and_exits_1_after_a_breaking_change_listing_the_document()
    {
        Assert.Equal(OperationsCli.Success, Run(["operations", "add", Write("name.graphql", "{ hello }"), Write("extra.graphql", "{ goodbye }"), "-o", Output],
            "type Query { hello: String goodbye: String }").ExitCode);

        var before = Run(["operations", "check", Output], "type Query { hello: String goodbye: String }");
        var after = Run(["operations", "check", Output], "type Query { hello: String }");

        Assert.Equal(OperationsCli.Success, before.ExitCode);
        Assert.Contains("All 2 persisted operation(s) are valid", before.Output);
        Assert.Equal(OperationsCli.InvalidDocuments, after.ExitCode);
        Assert.Contains($"{Path.Combine(Output, DocumentHash.Of("{ goodbye }"))}.graphql is invalid:", after.Error);
        Assert.Contains("1 of 2 persisted operation(s) are invalid", after.Error);
    }

    [Fact]
    public void Check_reads_a_manifest_and_flags_a_field_that_does_not_exist()
    {
        var manifest = Write("persisted-documents.json", new JsonObject { ["aa"] = "{ hello }", ["bb"] = "{ missing }" }.ToJsonString());

        var run = Run(["operations", "check", manifest]);

        Assert.Equal(OperationsCli.InvalidDocuments, run.ExitCode);
        Assert.Contains($"{manifest} [bb] is invalid:", run.Error);
        Assert.Contains("missing", run.Error);
        Assert.DoesNotContain("[aa]", run.Error);
    }

    [Fact]
    public void Check_flags_a_file_edited_after_it_was_added()
    {
        Directory.CreateDirectory(Output);
        File.WriteAllText(Path.Combine(Output, DocumentHash.Of("{ hello }") + ".graphql"), "{ hello hello }");

        var run = Run(["operations", "check", Output]);

        Assert.Equal(OperationsCli.InvalidDocuments, run.ExitCode);
        Assert.Contains("does not hash to its name", run.Error);
    }

    [Fact]
    public void The_sample_trusted_documents_are_the_named_samples_under_their_hashes_and_fit_the_served_schema()
    {
        var samples = RepositoryRoot.Combine("samples", "operations");
        var persisted = Path.Combine(samples, "persisted");
        var expected = Directory.GetFiles(samples, "*.graphql").Select(f => DocumentHash.Of(File.ReadAllText(f)) + ".graphql");

        var run = Run(["operations", "check", persisted], withSchema: null);

        Assert.Equal(expected.Order(StringComparer.Ordinal), Directory.GetFiles(persisted, "*.graphql").Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.True(run.ExitCode == OperationsCli.Success, run.Error);
    }

    [Theory]
    [InlineData("operations")]
    [InlineData("operations add")]
    [InlineData("operations add a.graphql --output")]
    [InlineData("operations check")]
    [InlineData("operations remove x")]
    public void Unknown_arguments_print_the_usage(string commandLine)
    {
        var run = Run(commandLine.Split(' '));

        Assert.Equal(OperationsCli.UsageError, run.ExitCode);
        Assert.Contains("Usage: operations add", run.Error);
    }

    [Fact]
    public void A_file_that_does_not_exist_is_a_usage_error()
    {
        var run = Run(["operations", "add", Path.Combine(_directory.FullName, "none.graphql")]);

        Assert.Equal(OperationsCli.UsageError, run.ExitCode);
        Assert.Contains("No file matches", run.Error);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory.FullName, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static CliRun Run(string[] args, string? withSchema = "type Query { hello: String }")
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        Func<Func<ISchema, int>, int>? schema = withSchema is null ? null : use =>
        {
            var built = GraphQL.Types.Schema.For(withSchema);
            built.Initialize();
            return use(built);
        };
        var exitCode = OperationsCli.Run(args, output, error, schema);
        return new CliRun(exitCode, output.ToString(), error.ToString());
    }
}
