using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using GraphApi.Tests.Hosting;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Xunit.Abstractions;

namespace GraphApi.Tests.Abuse;

/// <summary>
/// Thousands of generated and damaged requests from a fixed seed against the Production app: none may answer 5xx,
/// reach the error mask (UNEXPECTED_EXECUTION_ERROR), show a stack trace, or stop the server. The default run is a
/// few thousand cases; GRAPHAPI_FUZZ_CASES sets another count (e.g. 100000 for a long run), GRAPHAPI_FUZZ_SEED
/// another seed, and GRAPHAPI_FUZZ_ONLY a comma-separated list of case numbers to send alone (to replay failures).
/// </summary>
public sealed partial class HostileInputFuzzTests(GraphApiFixture fixture, ITestOutputHelper output) : IClassFixture<GraphApiFixture>
{
    private const int DefaultCases = 3_000;
    private const int DefaultSeed = 20261129;

    [Fact]
    public async Task Generated_and_damaged_requests_never_answer_5xx_an_unexpected_error_or_a_stack_trace()
    {
        var cases = EnvironmentNumber("GRAPHAPI_FUZZ_CASES", DefaultCases);
        var seed = EnvironmentNumber("GRAPHAPI_FUZZ_SEED", DefaultSeed);
        var only = (Environment.GetEnvironmentVariable("GRAPHAPI_FUZZ_ONLY") ?? "")
            .Split(',', StringSplitOptions.RemoveEmptyEntries).Select(int.Parse).ToHashSet();
        var random = new Random(seed);
        var schema = fixture.Factory.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        var generator = new OperationGenerator(schema, random);
        var mutator = new RequestMutator(random);
        var http = fixture.Factory.CreateClient();
        http.Timeout = Timeout.InfiniteTimeSpan; // each request gets its own deadline below
        string?[] tokens = [null, fixture.Factory.TokenFor(fixture.Data.Alice), fixture.Factory.TokenFor(fixture.Data.Admin)];
        var failures = new List<string>();
        var statuses = new Dictionary<HttpStatusCode, int>();
        var codes = new Dictionary<string, int>();
        (TimeSpan Took, int Case, string Request) slowest = (TimeSpan.Zero, -1, "");
        var clock = Stopwatch.StartNew();

        for (var i = 0; i < cases; i++)
        {
            var operation = generator.Next();
            var token = tokens[random.Next(tokens.Length)];
            using var request = random.Next(10) switch
            {
                < 6 => Post(Json(operation.Query, operation.Variables, operation.OperationName)),
                < 8 => Post(Json(mutator.Text(operation.Query), operation.Variables, operation.OperationName)),
                8 => Post(mutator.Body(operation.Query, operation.Variables)),
                _ => Get(operation),
            };
            if (token is not null)
            {
                request.Headers.Authorization = new("Bearer", token);
            }
            if (only.Count > 0 && !only.Contains(i))
            {
                continue; // generated all the same, so case i is the same request as in a full run
            }
            var described = await DescribeAsync(request); // before sending: the content is gone afterwards
            var started = clock.Elapsed;
            var (status, body) = await SendAsync(http, request);
            var took = clock.Elapsed - started;
            if (took > slowest.Took)
            {
                slowest = (took, i, described);
            }

            statuses[status] = statuses.GetValueOrDefault(status) + 1;
            foreach (Match code in CodePattern().Matches(body))
            {
                codes[code.Groups[1].Value] = codes.GetValueOrDefault(code.Groups[1].Value) + 1;
            }
            if (Problem(status, body) is { } problem && failures.Count < 20)
            {
                failures.Add($"case {i} (seed {seed}): {problem}\n  request: {Shorten(described)}\n  response {(int)status}: {Shorten(body)}");
            }
            if (i % 250 == 0)
            {
                await AssertAliveAsync();
            }
        }
        await AssertAliveAsync();

        output.WriteLine($"{cases} cases, seed {seed}, {clock.Elapsed.TotalSeconds:F1} s");
        output.WriteLine("statuses: " + string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{(int)s.Key}={s.Value}")));
        output.WriteLine("codes: " + string.Join(", ", codes.OrderByDescending(c => c.Value).Select(c => $"{c.Key}={c.Value}")));
        output.WriteLine($"slowest: case {slowest.Case}, {slowest.Took.TotalMilliseconds:F0} ms: {Shorten(slowest.Request)}");
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static string? Problem(HttpStatusCode status, string body)
    {
        if ((int)status >= 500)
        {
            return "a 5xx status";
        }
        if (body.Contains("UNEXPECTED_EXECUTION_ERROR", StringComparison.Ordinal))
        {
            return "the error mask was reached";
        }
        if (body.Contains("   at ", StringComparison.Ordinal) || ExceptionName().IsMatch(body))
        {
            return "a stack trace or an exception name";
        }
        return null;
    }

    private async Task AssertAliveAsync()
    {
        var client = fixture.Factory.CreateClient();
        using var live = await client.GetAsync("/health/live");
        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        (await fixture.Anonymous.PostAsync("{ products(first: 1) { totalCount } }")).AssertNoErrors();
    }

    /// <summary>Twice the execution timeout: a server that keeps its own deadline always answers before this one.</summary>
    private static readonly TimeSpan AnswerDeadline = TimeSpan.FromSeconds(60);

    private static async Task<(HttpStatusCode, string)> SendAsync(HttpClient http, HttpRequestMessage request)
    {
        using var deadline = new CancellationTokenSource(AnswerDeadline);
        try
        {
            using var response = await http.SendAsync(request, deadline.Token);
            return (response.StatusCode, await response.Content.ReadAsStringAsync(deadline.Token));
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested)
        {
            return (HttpStatusCode.GatewayTimeout, $"no answer within {AnswerDeadline.TotalSeconds} s");
        }
    }

    private static string Json(string query, JsonObject? variables, string? operationName) =>
        new JsonObject { ["query"] = query, ["variables"] = variables?.DeepClone(), ["operationName"] = operationName }.ToJsonString();

    private static HttpRequestMessage Post(string body)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = new StringContent(body, Encoding.UTF8, "application/json"),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        return request;
    }

    private static HttpRequestMessage Get(OperationGenerator.Case operation)
    {
        var uri = "/graphql?query=" + Uri.EscapeDataString(operation.Query)
            + (operation.Variables is null ? "" : "&variables=" + Uri.EscapeDataString(operation.Variables.ToJsonString()));
        var request = new HttpRequestMessage(HttpMethod.Get, uri);
        request.Headers.Accept.ParseAdd("application/json");
        return request;
    }

    private static async Task<string> DescribeAsync(HttpRequestMessage request) =>
        $"{request.Method} {request.RequestUri} {(request.Content is null ? "" : await request.Content.ReadAsStringAsync())}";

    private static string Shorten(string text) => text.Length <= 600 ? text : text[..600] + $"... ({text.Length} chars)";

    private static int EnvironmentNumber(string name, int fallback) =>
        int.TryParse(Environment.GetEnvironmentVariable(name), out var value) ? value : fallback;

    [GeneratedRegex("\"code\":\"([A-Z_]+)\"")]
    private static partial Regex CodePattern();

    [GeneratedRegex(@"\b(System|Microsoft|GraphQL|GraphApi)(\.\w+)+Exception\b")]
    private static partial Regex ExceptionName();
}
