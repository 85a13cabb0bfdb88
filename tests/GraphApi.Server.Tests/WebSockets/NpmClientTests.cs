using System.Text.Json;
using GraphApi.Server.Tests.WebSockets.Realtime;

namespace GraphApi.Server.Tests.WebSockets;

/// <summary>The real npm clients (tests/clients) subscribe against a real server, receive every event and complete.</summary>
public sealed class NpmClientTests
{
    private const int EventCount = 5;

    [RequiresNodeFact]
    public Task The_graphql_ws_client_receives_every_event_over_graphql_transport_ws() =>
        RunClientAsync("graphql-transport-ws.mjs");

    [RequiresNodeFact]
    public Task The_subscriptions_transport_ws_client_receives_every_event_over_legacy_graphql_ws() =>
        RunClientAsync("legacy-graphql-ws.mjs");

    private static async Task RunClientAsync(string script)
    {
        var clientsDirectory = RepositoryRoot.Combine("tests", "clients");
        if (!Directory.Exists(Path.Combine(clientsDirectory, "node_modules")))
        {
            var install = await ExternalProcess.RunAsync("npm", ["ci", "--no-audit", "--no-fund"], clientsDirectory, TimeSpan.FromMinutes(5));
            Assert.True(install.ExitCode == 0, $"npm ci failed:\n{install.StdErr}");
        }

        await using var host = await RealtimeHost.StartAsync();
        var run = await ExternalProcess.RunAsync("node", [script, host.WebSocketAddress.ToString(), EventCount.ToString()], clientsDirectory, TimeSpan.FromMinutes(1));

        Assert.True(run.ExitCode == 0, $"{script} failed:\n{run.StdErr}");
        Assert.Equal(Enumerable.Range(1, EventCount).Reverse(), JsonSerializer.Deserialize<int[]>(run.StdOut)!);
    }
}
