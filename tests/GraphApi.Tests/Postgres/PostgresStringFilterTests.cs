using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;

namespace GraphApi.Tests.Postgres;

/// <summary>
/// decisions.md "Strings": eq/in exact, contains/startsWith/endsWith case-insensitive, identically on SQLite and
/// PostgreSQL; LIKE wildcards in an operand match literally on both.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresStringFilterTests(GraphApiFixture sqlite, PostgresGraphApiFixture postgres)
    : IClassFixture<GraphApiFixture>, IClassFixture<PostgresGraphApiFixture>
{
    private readonly ProviderPair _both = new(sqlite, postgres);

    private async Task<string[]> ProductNamesAsync(object where)
    {
        var response = await _both.PostToBothAsync(
            f => f.Anonymous,
            "query($where: ProductFilterInput) { products(where: $where) { nodes { name } } }",
            new { where });
        return response.Data!["products"]!["nodes"]!.AsArray().Select(n => n!["name"]!.GetValue<string>()).ToArray();
    }

    public static TheoryData<string, string[]> ExactFilters => new()
    {
        { """{ "name": { "eq": "Wireless Mouse" } }""", ["Wireless Mouse"] },
        { """{ "name": { "eq": "wireless mouse" } }""", [] },
        { """{ "name": { "in": ["4k monitor", "USB-C Cable"] } }""", ["USB-C Cable"] },
        { """{ "sku": { "nin": ["kb-001", "MS-002", "MN-003", "CB-004"] } }""", ["Mechanical Keyboard", "Noise-Cancelling Headphones"] },
        { """{ "name": { "neq": "WIRELESS MOUSE" }, "stock": { "eq": 0 } }""", ["USB-C Cable"] },
    };

    public static TheoryData<string, string[]> CaseInsensitiveFilters => new()
    {
        { """{ "name": { "contains": "MOUSE" } }""", ["Wireless Mouse"] },
        { """{ "name": { "contains": "c" } }""", ["Mechanical Keyboard", "USB-C Cable", "Noise-Cancelling Headphones"] },
        { """{ "name": { "startsWith": "usb-c" } }""", ["USB-C Cable"] },
        { """{ "name": { "endsWith": "PHONES" } }""", ["Noise-Cancelling Headphones"] },
        { """{ "sku": { "ncontains": "0", "nstartsWith": "x" } }""", [] },
        { """{ "name": { "nendsWith": "E", "nstartsWith": "m" } }""", ["4K Monitor", "Noise-Cancelling Headphones"] },
        { """{ "or": [{ "name": { "startsWith": "4k" } }, { "sku": { "endsWith": "b-004" } }] }""", ["4K Monitor", "USB-C Cable"] },
    };

    public static TheoryData<string, string[]> WildcardOperands => new()
    {
        { """{ "name": { "contains": "%" } }""", [] },
        { """{ "sku": { "startsWith": "_b" } }""", [] },
        { """{ "name": { "endsWith": "_ouse" } }""", [] },
        { """{ "name": { "contains": "\\" } }""", [] },
    };

    [RequiresPostgresTheory]
    [MemberData(nameof(ExactFilters))]
    public async Task Exact_operations_are_case_sensitive_on_both_providers(string where, string[] expected) =>
        Assert.Equal(expected, await ProductNamesAsync(Json(where)));

    [RequiresPostgresTheory]
    [MemberData(nameof(CaseInsensitiveFilters))]
    public async Task Text_matches_ignore_case_on_both_providers(string where, string[] expected) =>
        Assert.Equal(expected, await ProductNamesAsync(Json(where)));

    [RequiresPostgresTheory]
    [MemberData(nameof(WildcardOperands))]
    public async Task Like_wildcards_in_an_operand_are_plain_characters(string where, string[] expected) =>
        Assert.Equal(expected, await ProductNamesAsync(Json(where)));

    [RequiresPostgresFact]
    public async Task Usernames_filter_the_same_for_admins_on_both_providers()
    {
        var response = await _both.PostToBothAsync(
            f => f.Admin,
            """{ users(where: { username: { startsWith: "A" } }) { totalCount nodes { username } } }""");

        Assert.Equal(
            """{"totalCount":2,"nodes":[{"username":"admin"},{"username":"Alice"}]}""",
            response.Data!["users"]!.ToJsonString());
    }

    private static System.Text.Json.Nodes.JsonNode Json(string text) => System.Text.Json.Nodes.JsonNode.Parse(text)!;
}
