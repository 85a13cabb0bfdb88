using System.Diagnostics;
using System.Net;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;
using Xunit.Abstractions;

namespace GraphApi.Tests.Operations;

/// <summary>
/// PostgreSQL goes away under a running instance and comes back: readiness follows it, liveness does not, fields
/// answer DATABASE_UNAVAILABLE promptly, and the instance serves again without a restart. A server of its own,
/// since this test stops it.
/// </summary>
public sealed class DatabaseOutageTests(ITestOutputHelper output)
{
    private static readonly TimeSpan Promptly = TimeSpan.FromSeconds(10);

    [RequiresPostgresFact]
    public async Task An_outage_answers_database_unavailable_and_the_instance_recovers_by_itself()
    {
        var postgres = new PostgresServerFixture();
        await postgres.InitializeAsync();
        try
        {
            await using var app = await AppProcess.StartAsync(ProcessGraphQL.PostgresSettings(await postgres.CreateDatabaseAsync()));
            using var client = app.CreateClient();
            const string Query = "{ products(first: 1) { totalCount } }";
            Assert.Null(ProcessGraphQL.ErrorsOf(await ProcessGraphQL.PostAsync(client, Query)));
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/ready"));

            await postgres.StopServerAsync();

            var clock = Stopwatch.StartNew();
            var down = await ProcessGraphQL.PostAsync(client, Query);
            var answeredIn = clock.Elapsed;
            Assert.Equal("DATABASE_UNAVAILABLE", down["errors"]?[0]?["extensions"]?["code"]?.GetValue<string>());
            Assert.True(answeredIn < Promptly, $"answered after {answeredIn}");
            clock.Restart();
            Assert.Equal(HttpStatusCode.ServiceUnavailable, await StatusAsync(client, "/health/ready"));
            var readyIn = clock.Elapsed;
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/live"));

            await postgres.StartServerAsync();
            clock.Restart();
            Assert.Null(ProcessGraphQL.ErrorsOf(await ProcessGraphQL.PostAsync(client, Query)));
            var servedIn = clock.Elapsed;
            Assert.Equal(HttpStatusCode.OK, await StatusAsync(client, "/health/ready"));
            output.WriteLine($"Outage: DATABASE_UNAVAILABLE after {answeredIn.TotalMilliseconds:F0} ms, ready 503 after "
                + $"{readyIn.TotalMilliseconds:F0} ms; after the restart the first query served in {servedIn.TotalMilliseconds:F0} ms");
            Assert.DoesNotContain("UNEXPECTED_EXECUTION_ERROR", app.Output, StringComparison.Ordinal);
        }
        finally
        {
            await postgres.DisposeAsync();
        }
    }

    private static async Task<HttpStatusCode> StatusAsync(HttpClient client, string path)
    {
        using var response = await client.GetAsync(path);
        return response.StatusCode;
    }
}
