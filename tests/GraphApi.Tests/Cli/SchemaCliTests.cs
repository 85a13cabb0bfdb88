using GraphApi.Cli;
using GraphApi.Server.Schema;

namespace GraphApi.Tests.Cli;

/// <summary>The command line's arguments, exit codes and messages, over a small stand-in schema.</summary>
public sealed class SchemaCliTests : IDisposable
{
    private const string Served = "type Query { product(id: ID!): Product }\ntype Product { id: ID! name: String! }\n";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graphapi-cli-");

    [Fact]
    public void Check_passes_when_the_baseline_is_the_served_schema()
    {
        var run = CliRun.Of(["schema", "check", "--baseline", WriteBaseline(Served)], () => Served);

        Assert.Equal(SchemaCli.Success, run.ExitCode);
        Assert.Contains("No breaking changes", run.Output);
    }

    [Fact]
    public void Check_exits_1_and_lists_each_breaking_change()
    {
        var baseline = WriteBaseline(Served + "type Price { amount: Float! }\n");

        var run = CliRun.Of(["schema", "check", "--baseline", baseline], () => Served.Replace(" name: String!", ""));

        Assert.Equal(SchemaCli.BreakingChangesFound, run.ExitCode);
        Assert.Contains("2 breaking change(s)", run.Error);
        Assert.Contains("type Price was removed.", run.Error);
        Assert.Contains("Product.name was removed.", run.Error);
    }

    [Fact]
    public void The_default_baseline_is_found_from_a_folder_below_the_repository_root()
    {
        // `dotnet run --project src/GraphApi` starts the tool in the project folder.
        var found = SchemaCli.FindDefaultBaseline(RepositoryRoot.Combine("src", "GraphApi"));

        Assert.Equal(RepositoryRoot.Combine(SchemaCli.DefaultBaseline.Split('/')), found);
    }

    [Fact]
    public void Check_without_a_baseline_file_says_how_to_create_one()
    {
        var missing = Path.Combine(_directory.FullName, "none.graphql");

        var run = CliRun.Of(["schema", "check", "--baseline", missing], () => Served);

        Assert.Equal(SchemaCli.UsageError, run.ExitCode);
        Assert.Contains($"schema export --output {missing}", run.Error);
    }

    [Theory]
    [InlineData("schema")]
    [InlineData("schema export --output")]
    [InlineData("schema import")]
    public void Unknown_arguments_print_the_usage(string commandLine)
    {
        var run = CliRun.Of(commandLine.Split(' '), () => Served);

        Assert.Equal(SchemaCli.UsageError, run.ExitCode);
        Assert.StartsWith("Usage: schema export", run.Error);
    }

    [Fact]
    public void A_schema_that_cannot_be_built_is_reported_without_a_stack_trace()
    {
        var run = CliRun.Of(["schema", "export"], () => throw new SchemaBindingException(["Query.ghost has no resolver."]));

        Assert.Equal(SchemaCli.SchemaUnavailable, run.ExitCode);
        Assert.Contains("Query.ghost has no resolver.", run.Error);
        Assert.DoesNotContain("   at ", run.Error);
    }

    [Fact]
    public void Only_schema_command_lines_are_handled()
    {
        Assert.True(SchemaCli.Handles(["schema", "export"]));
        Assert.False(SchemaCli.Handles(["--urls", "http://127.0.0.1:5000"]));
        Assert.False(SchemaCli.Handles([]));
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private string WriteBaseline(string sdl)
    {
        var file = Path.Combine(_directory.FullName, "baseline.graphql");
        File.WriteAllText(file, sdl);
        return file;
    }
}
