using System.Text.Json;
using GraphApi.Server.Tests.Http.TinyServer;
using Xunit.Abstractions;

namespace GraphApi.Server.Tests.Http;

/// <summary>Runs graphql-http's GraphQL-over-HTTP audits (tests/conformance) against a real Kestrel server.</summary>
public sealed class ConformanceTests(ITestOutputHelper output)
{
    private static readonly TimeSpan NpmCiTimeout = TimeSpan.FromMinutes(5);
    private static readonly TimeSpan AuditTimeout = TimeSpan.FromMinutes(2);

    [RequiresNodeFact]
    public async Task Every_MUST_audit_of_graphql_http_passes()
    {
        var conformanceDirectory = RepositoryRoot.Combine("tests", "conformance");
        if (!Directory.Exists(Path.Combine(conformanceDirectory, "node_modules")))
        {
            var install = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], conformanceDirectory, NpmCiTimeout);
            Assert.True(install.ExitCode == 0, $"npm ci failed:\n{install.StdErr}");
        }

        await using var host = await TinyGraphQLHost.StartAsync(useKestrel: true);
        var url = new Uri(host.Address, "/graphql").ToString();
        var run = await ExternalProcess.RunAsync("node", ["audit.mjs", url], conformanceDirectory, AuditTimeout);
        Assert.True(run.ExitCode == 0, $"audit.mjs failed:\n{run.StdErr}");

        var results = JsonSerializer.Deserialize<AuditResult[]>(run.StdOut, new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
        foreach (var failed in results.Where(r => r.Status != "ok"))
        {
            output.WriteLine($"[{failed.Status}] {failed.Name} (HTTP {failed.ResponseStatus}): {failed.Reason}");
        }

        output.WriteLine($"{results.Count(r => r.Status == "ok")} of {results.Length} audits passed.");
        Assert.NotEmpty(results);
        var failedMusts = results.Where(r => r.Name.StartsWith("MUST", StringComparison.Ordinal) && r.Status != "ok").ToArray();
        Assert.True(failedMusts.Length == 0, "Failed MUST audits:\n" + string.Join('\n', failedMusts.Select(f => $"{f.Name}: {f.Reason}")));
    }

    private sealed record AuditResult(string Id, string Name, string Status, string? Reason, int? ResponseStatus);
}
