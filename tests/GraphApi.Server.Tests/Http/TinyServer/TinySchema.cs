using GraphQL;
using GraphQL.Types;

namespace GraphApi.Server.Tests.Http.TinyServer;

/// <summary>A deliberately tiny schema that exercises every transport path without any domain.</summary>
internal static class TinySchema
{
    public const string Sdl = """
        directive @authorize(policy: String) on OBJECT | FIELD_DEFINITION

        type Query {
          hello(name: String = "world"): String!
          add(a: Int!, b: Int!): Int!
          boom: String
          fail: String
          slow: String
          probe: Int!
          whoami: String
          secret: String @authorize(policy: "Admin")
        }

        type Mutation {
          echo(text: String!): String!
        }

        type Subscription {
          ticks: Int!
        }
        """;

    public static ISchema Create()
    {
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            builder.Types.Include<TinyQuery>();
            builder.Types.Include<TinyMutation>();
            builder.Types.Include<TinySubscription>();
        });
        schema.Initialize();
        return schema;
    }
}
