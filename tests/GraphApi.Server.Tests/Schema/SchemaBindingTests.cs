using GraphApi.Server.Schema;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Snapshooter.Xunit;

namespace GraphApi.Server.Tests.Schema;

public sealed class SchemaBindingTests : IDisposable
{
    private const string Sdl = """
        directive @authorize(policy: String, roles: [String!]) repeatable on OBJECT | FIELD_DEFINITION
        scalar DateTime
        interface Node { id: ID! }
        enum Shade { LIGHT DARK_GREY }
        type Query { node(id: ID!): Node nodes(ids: [ID!]!): [Node]! book(id: ID!): Book shade: Shade! }
        type Book implements Node { id: ID! title: String! publishedAt: DateTime! }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("schema-binding-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void A_matching_binding_builds_and_prints_the_schema()
    {
        var schema = Build(Sdl, o => o
            .AddResolvers<GoodQuery>()
            .MapEnum<Shade>("Shade")
            .AddNode<Book, int>("Book", b => b.Id, (_, id) => new Book(id, "t", DateTime.UnixEpoch)));

        Snapshot.Match(schema.Print());
    }

    [Fact]
    public void Drift_fails_start_up_listing_every_mismatch()
    {
        var error = Assert.Throws<SchemaBindingException>(() => Build(
            Sdl + "\ntype Orphan { name: String! }",
            o => o
                .AddResolvers<DriftedQuery>()
                .AddResolvers<UnknownTypeResolvers>()
                .MapEnum<WrongShade>("Shade")
                .MapObject<Book>("Book")));

        Snapshot.Match(error.Mismatches);
    }

    [Fact]
    public async Task Sdl_enum_values_bind_to_clr_members_ignoring_case_and_underscores()
    {
        var schema = Build(Sdl, o => o
            .AddResolvers<GoodQuery>()
            .MapEnum<Shade>("Shade")
            .AddNode<Book, int>("Book", b => b.Id, (_, id) => new Book(id, "t", DateTime.UnixEpoch)));

        await using var services = new ServiceCollection().AddScoped<GoodQuery>().BuildServiceProvider();
        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.RequestServices = services;
            o.Query = "{ shade }";
        });

        Assert.Equal("{\"data\":{\"shade\":\"DARK_GREY\"}}", new GraphQL.SystemTextJson.GraphQLSerializer().Serialize(result));
    }

    private ISchema Build(string sdl, Action<SchemaFirstOptions> bind)
    {
        File.WriteAllText(Path.Combine(_directory, "schema.graphql"), sdl);
        var options = new SchemaFirstOptions { SchemaDirectory = _directory };
        bind(options);
        using var services = new ServiceCollection().BuildServiceProvider();
        return SchemaFactory.Build(options, services);
    }

    internal enum Shade { Light, DarkGrey }

    internal enum WrongShade { Light, Dark }

    internal sealed record Book(int Id, string Title, DateTime PublishedAt);

    [GraphQLMetadata("Query")]
    internal sealed class GoodQuery
    {
        public Book? Book(string id) => null;

        public Shade Shade() => Schema.SchemaBindingTests.Shade.DarkGrey;
    }

    [GraphQLMetadata("Query")]
    internal sealed class DriftedQuery
    {
        public Book? Book(string id) => null;

        public string Author() => "nobody";
    }

    [GraphQLMetadata("Magazine")]
    internal sealed class UnknownTypeResolvers
    {
        public string Title() => "";
    }
}
