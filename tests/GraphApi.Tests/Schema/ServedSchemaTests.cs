using GraphApi.Cli;
using GraphApi.Tests.Hosting;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Schema;

public sealed class ServedSchemaTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Fact]
    public async Task Sdl_endpoint_serves_the_schema()
    {
        var response = await fixture.Factory.CreateClient().GetAsync("/graphql?sdl");

        Assert.Equal(System.Net.HttpStatusCode.OK, response.StatusCode);
        Snapshot.Match(await response.Content.ReadAsStringAsync());
    }

    /// <summary>
    /// Every type, field, argument, input field, enum value, union member and interface of the public contract
    /// (the committed copy beside this file) is served with the same type; compared with the schema CLI's surface.
    /// </summary>
    [Fact]
    public async Task Served_schema_contains_the_whole_contract()
    {
        var served = SchemaSurface.Parse(await fixture.Factory.CreateClient().GetStringAsync("/graphql?sdl")).Describe().ToHashSet(StringComparer.Ordinal);
        var contract = SchemaSurface.Parse(await File.ReadAllTextAsync(RepositoryRoot.Combine("tests", "GraphApi.Tests", "Schema", "contract.graphql"))).Describe();

        var missing = contract.Where(member => !served.Contains(member)).ToList();
        Assert.True(missing.Count == 0, "Contract drift (missing or typed differently):\n" + string.Join("\n", missing));
        Assert.True(contract.Count > 300, $"The contract parsed to only {contract.Count} members; the comparison would prove little.");
    }
}
