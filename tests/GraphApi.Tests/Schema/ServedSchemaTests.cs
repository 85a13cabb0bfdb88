using GraphApi.Cli;
using GraphApi.Tests.Authorization;
using GraphApi.Tests.Hosting;
using Snapshooter.Xunit;

namespace GraphApi.Tests.Schema;

public sealed class ServedSchemaTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    /// <summary>The committed copy of the public contract.</summary>
    private static readonly string ContractPath = RepositoryRoot.Combine("tests", "GraphApi.Tests", "Schema", "contract.graphql");

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
        var contract = SchemaSurface.Parse(await File.ReadAllTextAsync(ContractPath)).Describe();

        var missing = contract.Where(member => !served.Contains(member)).ToList();
        Assert.True(missing.Count == 0, "Contract drift (missing or typed differently):\n" + string.Join("\n", missing));
        Assert.True(contract.Count > 300, $"The contract parsed to only {contract.Count} members; the comparison would prove little.");
    }

    /// <summary>Every <c>@authorize</c> of the contract is served with the same arguments (the surface leaves directives out).</summary>
    [Fact]
    public async Task Served_schema_carries_every_authorize_rule_of_the_contract()
    {
        var served = SdlAuthorizeRules.Parse(await fixture.Factory.CreateClient().GetStringAsync("/graphql?sdl"));
        var contract = SdlAuthorizeRules.Parse(await File.ReadAllTextAsync(ContractPath));

        Assert.True(contract.Except(served).ToArray() is [], "Not served: " + string.Join(" | ", contract.Except(served)));
        Assert.True(contract.Count >= 10, $"The contract has only {contract.Count} @authorize rules; the comparison would prove little.");
    }
}
