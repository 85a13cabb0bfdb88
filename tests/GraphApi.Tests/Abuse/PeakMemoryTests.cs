using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using GraphApi.Tests.Hosting;
using Xunit.Abstractions;

namespace GraphApi.Tests.Abuse;

/// <summary>
/// The server as its own process, attacked with the fragment fan-outs that once took it to gigabytes and with 400
/// distinct documents of about 1 MB each (one long comment, the most text a body may carry): its peak working set
/// stays under 1 GiB and it keeps serving.
/// </summary>
public sealed class PeakMemoryTests(ITestOutputHelper output)
{
    private const long OneGiB = 1L << 30;

    [Fact]
    public async Task Fan_out_queries_and_400_one_megabyte_documents_keep_the_peak_working_set_under_1_GiB()
    {
        await using var app = await AppProcess.StartAsync(new Dictionary<string, string>
        {
            ["Seed:SampleData"] = "true",
            ["Jwt:SigningKey"] = GraphApiFactory.SigningKey,
        });
        using var client = app.CreateClient();
        var token = await LoginAsync(client);

        var introspection = await PostAsync(client, IntrospectionFanOut(levels: 5), token: null);
        var customer = await PostAsync(client, CustomerFanOut(levels: 3, width: 4), token);
        Assert.True(introspection.Status == HttpStatusCode.BadRequest, introspection.Body);
        Assert.Contains("MAX_INTROSPECTION_DEPTH_EXCEEDED", introspection.Body, StringComparison.Ordinal);
        Assert.True(customer.Status == HttpStatusCode.BadRequest, customer.Body);
        Assert.Contains("MAX_COST_EXCEEDED", customer.Body, StringComparison.Ordinal);

        var documents = Enumerable.Range(0, 400).Select(OneMegabyteDocument).ToArray();
        await Parallel.ForEachAsync(documents, new ParallelOptions { MaxDegreeOfParallelism = 4 }, async (document, _) =>
        {
            var response = await PostAsync(client, document, token: null);
            Assert.True(response.Status == HttpStatusCode.OK, response.Body);
        });

        var peak = app.PeakWorkingSetBytes;
        output.WriteLine($"peak working set: {peak / (1024.0 * 1024):F0} MiB");
        Assert.True(peak < OneGiB, $"peak working set {peak:N0} bytes");
        var after = await PostAsync(client, "{ products(first: 1) { totalCount } }", token: null);
        Assert.Equal(HttpStatusCode.OK, after.Status);
    }

    /// <summary><c>{ __type(name: "Error") { ...Ln } }</c>, each level spreading the one below twice.</summary>
    private static string IntrospectionFanOut(int levels)
    {
        var fragments = new List<string> { "fragment L0 on __Type { name }" };
        for (var k = 1; k <= levels; k++)
        {
            fragments.Add($"fragment L{k} on __Type {{ a: possibleTypes {{ interfaces {{ ...L{k - 1} }} }} b: possibleTypes {{ interfaces {{ ...L{k - 1} }} }} }}");
        }
        return $"{{ __type(name: \"Error\") {{ ...L{levels} }} }}\n" + string.Join("\n", fragments);
    }

    /// <summary>A customer's orders, their customer's orders, and so on, each level selected under several aliases.</summary>
    private static string CustomerFanOut(int levels, int width)
    {
        var fragments = new List<string> { "fragment C0 on Order { id total }" };
        for (var k = 1; k <= levels; k++)
        {
            var aliases = Enumerable.Range(0, width).Select(a => $"a{a}: customer {{ orders(first: 50) {{ nodes {{ ...C{k - 1} }} }} }}");
            fragments.Add($"fragment C{k} on Order {{ {string.Join(" ", aliases)} }}");
        }
        return $"{{ me {{ orders(first: 50) {{ nodes {{ ...C{levels} }} }} }} }}\n" + string.Join("\n", fragments);
    }

    private static string OneMegabyteDocument(int index)
    {
        var query = $"{{ products(first: 1) {{ totalCount }} }} # {index} ";
        return query + new string('x', 1_000_000 - query.Length);
    }

    private static async Task<string> LoginAsync(HttpClient client)
    {
        var login = await PostAsync(client, """
            mutation { login(input: { usernameOrEmail: "alice_martin", password: "Sample-Pass-2026" }) { token } }
            """, token: null);
        return JsonNode.Parse(login.Body)!["data"]!["login"]!["token"]!.GetValue<string>();
    }

    private static async Task<(HttpStatusCode Status, string Body)> PostAsync(HttpClient client, string query, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql") { Content = JsonContent.Create(new { query }) };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }
        using var response = await client.SendAsync(request);
        return (response.StatusCode, await response.Content.ReadAsStringAsync());
    }
}
