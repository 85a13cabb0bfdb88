using GraphApi.Data.Seeding;

namespace GraphApi.Tests.Samples;

/// <summary>
/// The sample clients in <c>samples/clients</c> run against a live server: each logs in, places an order, subscribes to
/// its status, has the admin mark it PAID and must see that change (exit code 0 and the line it prints for it).
/// </summary>
public sealed class ClientSmokeTests(LiveServerFixture server) : IClassFixture<LiveServerFixture>
{
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(5);

    private string[] ClientArguments =>
        [server.Endpoint.ToString(), LiveServerFixture.Customer, SampleCustomers.Password, LiveServerFixture.Admin, LiveServerFixture.AdminPassword];

    [RequiresNodeFact]
    public async Task Javascript_client_follows_its_order_to_PAID()
    {
        var directory = RepositoryRoot.Combine("samples", "clients", "js");
        var install = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund", "--ignore-scripts"], directory, Deadline);
        Assert.True(install.ExitCode == 0, "npm ci failed:\n" + install.Output);

        var run = await ExternalProcess.RunAsync("node", ["client.mjs", .. ClientArguments], directory, Deadline);

        AssertFollowedToPaid(run);
        Assert.Contains("Persisted query InStock: registered by sending the query, then ran by hash alone.", run.Output);
    }

    [Fact]
    public async Task Dotnet_client_follows_its_order_to_PAID()
    {
        var project = RepositoryRoot.Combine("samples", "clients", "dotnet");

        var run = await ExternalProcess.RunAsync(
            Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet",
            ["run", "--project", project, "--", .. ClientArguments],
            RepositoryRoot.Path,
            Deadline);

        AssertFollowedToPaid(run);
    }

    private static void AssertFollowedToPaid(ExternalProcess run)
    {
        Assert.True(run.ExitCode == 0, $"Exit code {run.ExitCode}:\n{run.Output}");
        Assert.Matches(@"Order \S+ status changed: PENDING -> PAID at \d{4}-\d\d-\d\dT[\d:.]+Z", run.Output);
    }
}
