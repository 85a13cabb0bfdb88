using System.Net;
using System.Text.Json.Nodes;
using GraphApi.Server.Schema.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Authorization;

/// <summary>
/// Runs <see cref="AuthorizationMatrix"/> over HTTP against the real application, and keeps the matrix honest:
/// it fails when the SDL gains, loses or changes an <c>@authorize</c> the matrix does not cover.
/// </summary>
public sealed class AuthorizationMatrixTests(GraphApiFixture shared) : IClassFixture<GraphApiFixture>
{
    public static TheoryData<string> Cases()
    {
        var names = new TheoryData<string>();
        foreach (var row in AuthorizationMatrix.Cases)
        {
            names.Add(row.Name);
        }

        return names;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Access_follows_the_SDL(string name)
    {
        var row = AuthorizationMatrix.Cases.Single(c => c.Name == name);

        // A mutation an allowed caller runs writes: it gets an application of its own, so the shared data that the
        // query rows count stays as TestData made it, whatever order the rows run in.
        var fixture = row.Writes ? new GraphApiFixture() : shared;
        if (row.Writes)
        {
            await fixture.InitializeAsync();
        }

        try
        {
            await AssertAccessAsync(fixture, row);
        }
        finally
        {
            if (row.Writes)
            {
                await fixture.DisposeAsync();
            }
        }
    }

    private static async Task AssertAccessAsync(GraphApiFixture fixture, AccessCase row)
    {
        var response = await ClientFor(fixture, row.Caller).PostAsync(Fill(fixture, row.Document, row.Caller));

        Assert.True(response.Status == HttpStatusCode.OK, $"HTTP {(int)response.Status}: {response.Body}");
        var errors = response.Errors
            .Select(e => (Path: string.Join('.', e!["path"]?.AsArray().Select(p => p!.ToString()) ?? []),
                          Code: e["extensions"]?["code"]?.GetValue<string>() ?? ""))
            .OrderBy(e => e.Path, StringComparer.Ordinal)
            .ToArray();
        Assert.True(
            row.Denied.OrderBy(e => e.Path, StringComparer.Ordinal).SequenceEqual(errors),
            $"Expected errors [{string.Join(", ", row.Denied)}] but got: {response.Body}");
        foreach (var (path, _) in row.Denied)
        {
            Assert.True(At(response.Data, path) is null, $"{path} should be null: {response.Body}");
        }

        foreach (var path in row.Granted)
        {
            Assert.True(At(response.Data, path) is not null, $"{path} should have a value: {response.Body}");
        }

        foreach (var path in row.Absent)
        {
            Assert.True(At(response.Data, path) is null, $"{path} should not exist: {response.Body}");
        }

        if (row.Payload is not null)
        {
            var expected = JsonNode.Parse(Fill(fixture, row.Payload, row.Caller));
            Assert.True(JsonNode.DeepEquals(expected, response.Data), $"Expected data {expected?.ToJsonString()} but got: {response.Body}");
        }

        if (row.NothingWritten is not null)
        {
            await row.NothingWritten(fixture);
        }
    }

    [Fact]
    public void Every_authorize_rule_in_the_SDL_is_in_the_matrix()
    {
        var inSdl = SdlAuthorizeRules.Read(Path.Combine(AppContext.BaseDirectory, "schema"));
        var covered = AuthorizationMatrix.Cases.SelectMany(c => c.Rules).Concat(AuthorizationMatrix.Deferred.Keys).ToHashSet();

        Assert.True(inSdl.Except(covered).ToArray() is [], "Not covered by the matrix: " + string.Join(" | ", inSdl.Except(covered)));
        Assert.True(covered.Except(inSdl).ToArray() is [], "Not in the SDL (stale matrix): " + string.Join(" | ", covered.Except(inSdl)));
    }

    [Fact]
    public void Every_rule_is_tried_by_every_caller_both_allowed_and_denied()
    {
        var gaps = AuthorizationMatrix.Cases
            .SelectMany(c => c.Rules.Select(rule => (Rule: rule, Case: c)))
            .GroupBy(x => x.Rule)
            .SelectMany(g =>
            {
                var missingCallers = Enum.GetValues<Caller>().Except(g.Select(x => x.Case.Caller));
                var outcomes = g.Select(x => x.Case.Denied.Count > 0).Distinct().Count();
                return missingCallers.Select(c => $"{g.Key}: no row for {c}")
                    .Concat(outcomes == 2 ? [] : [$"{g.Key}: needs an allowed and a denied row"]);
            })
            .ToArray();

        Assert.True(gaps.Length == 0, string.Join(Environment.NewLine, gaps));
    }

    [Fact]
    public void The_SDL_walk_finds_object_and_field_rules_with_their_arguments()
    {
        var directory = Directory.CreateTempSubdirectory("graphapi-sdl-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(directory, "a.graphql"), """
                type Invoice @authorize(policy: "Owner") @authorize(roles: ["ADMIN", "AUDITOR"]) { id: ID! total: Int @authorize }
                extend type Query { invoices: [Invoice] @authorize(roles: ["ADMIN"]) open: Int }
                """);

            var rules = SdlAuthorizeRules.Read(directory);

            Assert.Equal(
                new[]
                {
                    "Invoice @authorize(policy: \"Owner\")",
                    "Invoice @authorize(roles: [\"ADMIN\", \"AUDITOR\"])",
                    "Invoice.total @authorize",
                    "Query.invoices @authorize(roles: [\"ADMIN\"])",
                },
                rules.Order(StringComparer.Ordinal));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    private static GraphQLTestClient ClientFor(GraphApiFixture fixture, Caller caller) => caller switch
    {
        Caller.Anonymous => fixture.Anonymous,
        Caller.Owner => fixture.Alice,
        Caller.OtherCustomer => fixture.Bob,
        Caller.Admin => fixture.Admin,
        _ => throw new ArgumentOutOfRangeException(nameof(caller)),
    };

    private static string Fill(GraphApiFixture fixture, string document, Caller caller)
    {
        var data = fixture.Data;
        var filled = document
            .Replace("{aliceOrder}", GlobalId.Encode("Order", data.AliceOrders[0].Id), StringComparison.Ordinal)
            .Replace("{alicePaidOrder}", GlobalId.Encode("Order", data.AliceOrders[1].Id), StringComparison.Ordinal)
            .Replace("{bobOrder}", GlobalId.Encode("Order", data.BobOrders[0].Id), StringComparison.Ordinal)
            .Replace("{alice}", GlobalId.Encode("User", data.Alice.Id), StringComparison.Ordinal)
            .Replace("{bob}", GlobalId.Encode("User", data.Bob.Id), StringComparison.Ordinal)
            .Replace("{caller}", caller.ToString(), StringComparison.Ordinal);
        for (var i = 0; i < data.Products.Count; i++)
        {
            filled = filled.Replace($"{{product{i}}}", GlobalId.Encode("Product", data.Products[i].Id), StringComparison.Ordinal);
        }

        return filled;
    }

    /// <summary>The value at a dotted response path (<c>orders.nodes.2</c>), or null when any step is missing.</summary>
    private static JsonNode? At(JsonNode? node, string path)
    {
        foreach (var step in path.Split('.'))
        {
            node = node switch
            {
                JsonArray array when int.TryParse(step, out var index) => index < array.Count ? array[index] : null,
                JsonObject obj => obj[step],
                _ => null,
            };
        }

        return node;
    }
}
