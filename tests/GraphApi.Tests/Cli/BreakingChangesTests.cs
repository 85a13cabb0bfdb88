using GraphApi.Cli;

namespace GraphApi.Tests.Cli;

/// <summary>The breaking-change rules on small before/after schema pairs.</summary>
public sealed class BreakingChangesTests
{
    private const string Before = """
        type Query { products(first: Int, where: ProductFilter): [Product!]! productById(id: ID!): Product search: SearchResult }
        type Product implements Node { id: ID! name: String description: String tags: [String] }
        interface Node { id: ID! }
        input ProductFilter { name: String sku: String! }
        enum Status { OPEN CLOSED }
        union SearchResult = Product | Category
        type Category { name: String! }
        scalar DateTime
        """;

    [Theory]
    [InlineData("additions of types, fields, optional arguments, enum values and union members",
        "type Query { products(first: Int, where: ProductFilter, last: Int): [Product!]! productById(id: ID!): Product search: SearchResult brand: String }\n" +
        "enum Status { OPEN CLOSED ARCHIVED }\ntype Brand { name: String }\nunion SearchResult = Product | Category | Brand\n" +
        "input ProductFilter { name: String sku: String! price: Float }")]
    [InlineData("stricter outputs and looser inputs",
        "type Query { products(first: Int, where: ProductFilter): [Product!]! productById(id: ID): Product search: SearchResult }\n" +
        "type Product implements Node { id: ID! name: String! description: String tags: [String!]! }\ninput ProductFilter { name: String sku: String }")]
    [InlineData("a new non-null argument with a default",
        "type Query { products(first: Int, where: ProductFilter, take: Int! = 10): [Product!]! productById(id: ID!): Product search: SearchResult }")]
    public void Compatible_changes_pass(string because, string definitions)
    {
        var after = Before;
        foreach (var definition in definitions.Split('\n'))
        {
            var start = string.Join(' ', definition.Split(' ').Take(2));
            after = after.Contains(start + " ", StringComparison.Ordinal) ? Replace(after, start, definition) : after + "\n" + definition;
        }

        Assert.NotEqual(Before, after);
        var changes = Find(Before, after);
        Assert.True(changes.Count == 0, because + ": " + string.Join("; ", changes));
    }

    [Theory]
    [InlineData("type Category", "", "type Category was removed.")]
    [InlineData("type Product", "type Product implements Node { id: ID! description: String tags: [String] }", "Product.name was removed.")]
    [InlineData("type Product", "type Product { id: ID! name: String description: String tags: [String] }", "type Product lost interface Node.")]
    [InlineData("type Product", "type Product implements Node { id: ID name: String description: String tags: [String] }", "Product.id changed type from ID! to ID.")]
    [InlineData("type Product", "type Product implements Node { id: ID! name: Int description: String tags: [String] }", "Product.name changed type from String to Int.")]
    [InlineData("type Product", "type Product implements Node { id: ID! name: String description: String tags: String }", "Product.tags changed type from [String] to String.")]
    [InlineData("enum Status", "enum Status { OPEN }", "enum Status lost value CLOSED.")]
    [InlineData("union SearchResult", "union SearchResult = Product", "union SearchResult lost member Category.")]
    [InlineData("scalar DateTime", "type DateTime { iso: String }", "DateTime changed from scalar to type.")]
    [InlineData("type Query", "type Query { products(where: ProductFilter): [Product!]! productById(id: ID!): Product search: SearchResult }", "Query.products(first) was removed.")]
    [InlineData("type Query", "type Query { products(first: Int!, where: ProductFilter): [Product!]! productById(id: ID!): Product search: SearchResult }", "Query.products(first) changed type from Int to Int!.")]
    [InlineData("type Query", "type Query { products(first: Int, where: ProductFilter, after: String!): [Product!]! productById(id: ID!): Product search: SearchResult }", "Query.products(after) is a new required argument (String!).")]
    [InlineData("input ProductFilter", "input ProductFilter { name: String sku: String! price: Float! }", "ProductFilter.price is a new required input field (Float!).")]
    [InlineData("input ProductFilter", "input ProductFilter { name: [String] sku: String! }", "ProductFilter.name changed type from String to [String].")]
    public void Breaking_changes_are_reported(string definition, string replacement, string expected)
    {
        var changes = Find(Before, Replace(Before, definition, replacement));

        Assert.Equal([expected], changes);
    }

    [Fact]
    public void Every_breaking_change_is_listed_once()
    {
        var after = Replace(Replace(Before, "enum Status", "enum Status { CLOSED }"), "type Category", "");

        Assert.Equal(["enum Status lost value OPEN.", "type Category was removed."], Find(Before, after).Order(StringComparer.Ordinal));
    }

    private static IReadOnlyList<string> Find(string before, string after) =>
        BreakingChanges.Find(SchemaSurface.Parse(before), SchemaSurface.Parse(after));

    /// <summary>Replaces the one line starting with <paramref name="start"/> (a definition) by <paramref name="replacement"/>.</summary>
    private static string Replace(string sdl, string start, string replacement)
    {
        var lines = sdl.Split('\n');
        var index = Array.FindIndex(lines, line => line == start || line.StartsWith(start + " ", StringComparison.Ordinal));
        Assert.True(index >= 0, $"No definition starts with '{start}'.");
        lines[index] = replacement;
        return string.Join('\n', lines);
    }
}
