using System.Text.Json.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Samples;

/// <summary>
/// Every operation in <c>samples/operations</c> runs as an admin against the real app without GraphQL errors,
/// with the variables of its <c>.variables.json</c> sidecar (when it has one).
/// </summary>
public sealed class SampleOperationTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private static readonly string OperationsDirectory = FindOperationsDirectory();

    public static TheoryData<string> Operations()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.GetFiles(OperationsDirectory, "*.graphql").Order(StringComparer.Ordinal))
        {
            data.Add(Path.GetFileName(file));
        }

        return data;
    }

    [Fact]
    public void The_samples_cover_every_documented_use()
    {
        // Guards against the theory passing vacuously because the folder moved or emptied.
        Assert.True(Operations().Count >= 7, $"Expected at least 7 operations in {OperationsDirectory}.");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Sample_operation_runs_without_errors(string fileName)
    {
        var path = Path.Combine(OperationsDirectory, fileName);
        var query = await File.ReadAllTextAsync(path);
        var sidecar = Path.ChangeExtension(path, ".variables.json");
        var variables = File.Exists(sidecar) ? JsonNode.Parse(await File.ReadAllTextAsync(sidecar)) : null;

        var response = await fixture.Admin.PostAsync(query, variables);

        response.AssertNoErrors();
        var data = Assert.IsType<JsonObject>(response.Data);
        Assert.Contains(data, field => field.Value is not null);
    }

    private static string FindOperationsDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "samples", "operations");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new DirectoryNotFoundException("samples/operations was not found above " + AppContext.BaseDirectory);
    }
}
