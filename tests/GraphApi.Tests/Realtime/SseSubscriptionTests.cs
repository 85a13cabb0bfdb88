using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphApi.Orders;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Realtime;

/// <summary>GraphQL over Server-Sent Events for the dashboard subscription.</summary>
public sealed class SseSubscriptionTests(GraphApiFixture fixture) : IClassFixture<GraphApiFixture>
{
    [Fact]
    public async Task An_admin_follows_orderEvents_over_sse()
    {
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.AllOrders, 0); // an earlier test's subscription is gone
        using var http = fixture.Factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query = "subscription { orderEvents { kind status order { customer { username } } } }" }),
        };
        request.Headers.Accept.ParseAdd("text/event-stream");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Factory.TokenFor(fixture.Data.Admin));

        using var response = await http.SendAsync(request, HttpCompletionOption.ResponseHeadersRead);
        Assert.Equal("text/event-stream", response.Content.Headers.ContentType?.MediaType);
        await using var stream = await response.Content.ReadAsStreamAsync();
        using var reader = new StreamReader(stream);
        await fixture.Factory.WaitForSubscribersAsync(OrderTopics.AllOrders, 1);

        var placed = await fixture.Alice.PostAsync(
            "mutation($p: ID!) { placeOrder(input: { items: [{ productId: $p, quantity: 2 }] }) { order { id } } }",
            new { p = GlobalId.Encode("Product", fixture.Data.Products[0].Id) });
        placed.AssertNoErrors();

        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
        string? eventName = null;
        while (await reader.ReadLineAsync(timeout.Token) is { } line)
        {
            if (line.StartsWith("event:", StringComparison.Ordinal))
            {
                eventName = line["event:".Length..].Trim();
            }
            else if (line.StartsWith("data:", StringComparison.Ordinal) && eventName == "next")
            {
                var data = JsonNode.Parse(line["data:".Length..])!["data"]!["orderEvents"]!;
                Assert.Equal("PLACED", data["kind"]!.GetValue<string>());
                Assert.Equal("Alice", data["order"]!["customer"]!["username"]!.GetValue<string>());
                return;
            }
        }

        Assert.Fail("The stream ended without a next event.");
    }
}
