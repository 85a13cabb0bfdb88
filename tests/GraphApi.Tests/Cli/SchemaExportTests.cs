using GraphApi.Cli;
using GraphApi.Server.Schema;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Cli;

/// <summary><c>schema export</c> and <c>schema check</c> against the real application's schema.</summary>
public sealed class SchemaExportTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private static readonly string Baseline = RepositoryRoot.Combine(SchemaCli.DefaultBaseline.Split('/'));

    [Fact]
    public async Task Export_prints_exactly_what_the_endpoint_serves()
    {
        var served = await fixture.Factory.CreateClient().GetStringAsync("/graphql?sdl");

        var export = CliRun.Of(["schema", "export"]);

        Assert.Equal(SchemaCli.Success, export.ExitCode);
        Assert.Equal(served, export.Output);
    }

    [Fact]
    public void Export_has_the_same_types_fields_and_arguments_as_the_sdl_files()
    {
        var files = SchemaSurface.Parse(SchemaFiles.Load(RepositoryRoot.Combine("schema"))).Describe();

        var export = SchemaSurface.Parse(CliRun.Of(["schema", "export"]).Output).Describe();

        Assert.True(files.Count > 300, $"schema/ parsed to only {files.Count} members; the comparison would prove little.");
        Assert.Equal(files, export);
    }

    [Fact]
    public void Export_with_output_writes_the_file()
    {
        var file = Path.Combine(Directory.CreateTempSubdirectory("graphapi-export-").FullName, "schema.graphql");

        var run = CliRun.Of(["schema", "export", "--output", file]);

        Assert.Equal(SchemaCli.Success, run.ExitCode);
        Assert.Equal(CliRun.Of(["schema", "export"]).Output, File.ReadAllText(file));
        Directory.Delete(Path.GetDirectoryName(file)!, recursive: true);
    }

    /// <summary>The guard: fails when the served schema breaks the committed baseline (update it only on purpose).</summary>
    [Fact]
    public void Served_schema_does_not_break_the_committed_baseline()
    {
        var run = CliRun.Of(["schema", "check", "--baseline", Baseline]);

        Assert.True(run.ExitCode == SchemaCli.Success, run.Error);
        Assert.True(SchemaSurface.Parse(File.ReadAllText(Baseline)).Types.Count > 50, "The baseline is nearly empty; the check would prove little.");
    }
}
