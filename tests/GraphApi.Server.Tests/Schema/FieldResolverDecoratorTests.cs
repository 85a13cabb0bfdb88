using GraphApi.Server.Authorization;
using GraphApi.Server.Schema;
using GraphApi.Server.Schema.Connections;
using GraphQL;
using GraphQL.Resolvers;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Schema;

/// <summary>Registered field decorators: applied by <see cref="IFieldResolverDecorator.Order"/>, authorization outermost.</summary>
public sealed class FieldResolverDecoratorTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("decorators-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Decorators_apply_in_ascending_order_whatever_the_registration_order()
    {
        File.WriteAllText(Path.Combine(_directory, "schema.graphql"), "type Query { ping: String! }");
        var calls = new List<string>();
        await using var services = new ServiceCollection()
            .AddScoped<PingQuery>()
            .AddSingleton<IFieldResolverDecorator>(new Recording("outer", order: 2, calls))
            .AddSingleton<IFieldResolverDecorator>(new Recording("inner", order: 1, calls))
            .BuildServiceProvider();
        var schema = SchemaFactory.Build(
            new SchemaFirstOptions { SchemaDirectory = _directory }.AddResolvers<PingQuery>(), services);

        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = schema;
            o.RequestServices = services;
            o.Query = "{ ping }";
        });

        Assert.Equal("{\"data\":{\"ping\":\"pong\"}}", new GraphQLSerializer().Serialize(result));
        Assert.Equal(["outer", "inner"], calls);
    }

    [Fact]
    public void The_server_registers_connections_inside_and_authorization_outermost()
    {
        using var services = new ServiceCollection().AddGraphQLServer().Services.BuildServiceProvider();

        var applied = services.GetServices<IFieldResolverDecorator>().OrderBy(d => d.Order).Select(d => d.GetType());

        Assert.Equal([typeof(ConnectionDecorator), typeof(AuthorizationDecorator)], applied);
    }

    [GraphQLMetadata("Query")]
    internal sealed class PingQuery
    {
        public string Ping() => "pong";
    }

    private sealed class Recording(string name, int order, List<string> calls) : IFieldResolverDecorator
    {
        public int Order => order;

        public IFieldResolver? Decorate(ISchema schema, IComplexGraphType parent, FieldType field, IFieldResolver inner) =>
            new Resolver(() => calls.Add(name), inner);

        private sealed class Resolver(Action record, IFieldResolver inner) : IFieldResolver
        {
            public ValueTask<object?> ResolveAsync(IResolveFieldContext context)
            {
                record();
                return inner.ResolveAsync(context);
            }
        }
    }
}
