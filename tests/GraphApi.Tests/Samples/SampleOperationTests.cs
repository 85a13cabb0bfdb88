using System.Text.Json.Nodes;
using GraphApi.Orders;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Realtime;

namespace GraphApi.Tests.Samples;

/// <summary>
/// Every operation in <c>samples/operations</c> runs as an admin against the real app without GraphQL errors,
/// with the variables of its <c>.variables.json</c> sidecar (when it has one).
/// </summary>
public sealed class SampleOperationTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    private static readonly string OperationsDirectory = RepositoryRoot.Combine("samples", "operations");

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
        Assert.True(Operations().Count >= 10, $"Expected at least 10 operations in {OperationsDirectory}.");
    }

    [Theory]
    [MemberData(nameof(Operations))]
    public async Task Sample_operation_runs_without_errors(string fileName)
    {
        var path = Path.Combine(OperationsDirectory, fileName);
        var query = await File.ReadAllTextAsync(path);
        var sidecar = Path.ChangeExtension(path, ".variables.json");
        var variables = File.Exists(sidecar) ? JsonNode.Parse(await File.ReadAllTextAsync(sidecar)) : null;

        var data = query.Contains("subscription ", StringComparison.Ordinal)
            ? await FirstEventAsync(query)
            : (await fixture.Admin.PostAsync(query, variables)).AssertNoErrors().Data;

        var fields = Assert.IsType<JsonObject>(data);
        Assert.Contains(fields, field => field.Value is not null);
    }

    /// <summary>Subscribes over SSE as the admin, places an order to raise an event, and returns the first event's data.</summary>
    private async Task<JsonNode?> FirstEventAsync(string subscription)
    {
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.AllOrders, 0); // an earlier test's subscription is gone
        using var http = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = System.Net.Http.Json.JsonContent.Create(new { query = subscription }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new("Bearer", fixture.Factory.TokenFor(fixture.Data.Admin));
        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.AllOrders, 1); // the sample subscribes orderEvents

        var placeOrder = Path.Combine(OperationsDirectory, "place-order.graphql");
        (await fixture.Admin.PostAsync(
            await File.ReadAllTextAsync(placeOrder),
            JsonNode.Parse(await File.ReadAllTextAsync(Path.ChangeExtension(placeOrder, ".variables.json"))))).AssertNoErrors();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("data:", StringComparison.Ordinal))
            {
                var result = JsonNode.Parse(line["data:".Length..])!;
                Assert.True(result["errors"] is null, "Subscription errors: " + result.ToJsonString());
                return result["data"];
            }
        }

        throw new InvalidOperationException("The subscription ended without an event.");
    }
}
