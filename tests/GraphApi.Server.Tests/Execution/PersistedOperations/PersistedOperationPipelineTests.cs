using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphApi.Server.Execution.PersistedOperations;
using GraphApi.Server.Http;
using GraphQL.Types;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Tests.Execution.PersistedOperations;

/// <summary>
/// Persisted operations registered through <c>AddGraphQLServer(section).AddPersistedOperations()</c>: bound from
/// <c>PersistedOperations</c>, validated at start-up, and a persisted document meets the same limits as its text.
/// </summary>
public sealed class PersistedOperationPipelineTests : IDisposable
{
    private const string TwoFields = "{ a: ping b: ping }";
    private readonly DirectoryInfo _directory = Directory.CreateTempSubdirectory("graphapi-persisted-");

    [Fact]
    public void Options_are_bound_from_the_PersistedOperations_section()
    {
        using var services = new ServiceCollection()
            .AddGraphQLServer(Section(new()
            {
                ["PersistedOperations:Directory"] = _directory.FullName,
                ["PersistedOperations:OnlyPersisted"] = "true",
                ["PersistedOperations:Automatic"] = "true",
                ["PersistedOperations:MaxEntries"] = "5",
                ["PersistedOperations:MaxBytes"] = "6",
            }))
            .AddPersistedOperations()
            .Services.BuildServiceProvider();

        var options = services.GetRequiredService<IOptions<PersistedOperationOptions>>().Value;

        Assert.Equal((_directory.FullName, true, true, 5, 6L), (options.Directory, options.OnlyPersisted, options.Automatic, options.MaxEntries, options.MaxBytes));
        Assert.IsType<InMemoryAutomaticQueryStore>(services.GetRequiredService<IAutomaticQueryStore>());
    }

    [Theory]
    [InlineData("OnlyPersisted", "true", "OnlyPersisted needs a Directory or a Manifest")]
    [InlineData("Directory", "/nonexistent/graphapi-operations", "Directory '/nonexistent/graphapi-operations' does not exist.")]
    [InlineData("MaxEntries", "0", "PersistedOperations:MaxEntries must be at least 1; it is 0.")]
    public async Task An_invalid_setting_stops_start_up_naming_it(string key, string value, string message)
    {
        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = Build(new() { ["PersistedOperations:" + key] = value });
            await app.StartAsync();
        });

        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_manifest_that_is_not_an_object_of_strings_stops_start_up()
    {
        var manifest = Path.Combine(_directory.FullName, "manifest.json");
        File.WriteAllText(manifest, "[1, 2]");

        var error = await Assert.ThrowsAsync<OptionsValidationException>(async () =>
        {
            await using var app = Build(new() { ["PersistedOperations:Manifest"] = manifest });
            await app.StartAsync();
        });

        Assert.Contains($"The persisted operation manifest '{manifest}' must be a JSON object", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(2, null)]
    [InlineData(1, "MAX_FIELDS_EXCEEDED")]
    public async Task A_persisted_document_meets_the_same_request_limits_as_its_text(int maxFields, string? code)
    {
        File.WriteAllText(Path.Combine(_directory.FullName, DocumentHash.Of(TwoFields) + ".graphql"), TwoFields);
        await using var app = Build(new()
        {
            ["PersistedOperations:Directory"] = _directory.FullName,
            ["Limits:MaxFields"] = maxFields.ToString(System.Globalization.CultureInfo.InvariantCulture),
        });
        await app.StartAsync();
        using var client = app.GetTestClient();

        using var byId = await client.PostAsJsonAsync("/graphql", new { documentId = DocumentHash.Of(TwoFields) });
        using var byText = await client.PostAsJsonAsync("/graphql", new { query = TwoFields });
        var idBody = JsonNode.Parse(await byId.Content.ReadAsStringAsync())!;
        var textBody = JsonNode.Parse(await byText.Content.ReadAsStringAsync())!;

        Assert.Equal(code, (string?)idBody["errors"]?[0]?["extensions"]?["code"]);
        Assert.Equal(textBody.ToJsonString(), idBody.ToJsonString());
        Assert.Equal(code is null ? HttpStatusCode.OK : HttpStatusCode.BadRequest, byId.StatusCode);
    }

    public void Dispose() => _directory.Delete(recursive: true);

    private static IConfiguration Section(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static WebApplication Build(Dictionary<string, string?> values)
    {
        var builder = WebApplication.CreateBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddAuthorization();
        builder.Services.AddGraphQLServer(Section(values)).AddPersistedOperations();
        builder.Services.AddSingleton<ISchema>(_ => GraphQL.Types.Schema.For("type Query { ping: Int }"));
        var app = builder.Build();
        app.MapGraphQL();
        return app;
    }
}
