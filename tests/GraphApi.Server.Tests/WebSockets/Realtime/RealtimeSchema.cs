using GraphQL.Types;

namespace GraphApi.Server.Tests.WebSockets.Realtime;

/// <summary>A tiny domain-free schema with a test-controlled subscription.</summary>
internal static class RealtimeSchema
{
    public const string Sdl = """
        type Query {
          hello: String!
          whoami: String
        }

        type Mutation {
          echo(text: String!): String!
        }

        type Subscription {
          events: Int!
          eventScope: String!
          countdown(from: Int!): Int!
          bulk(size: Int!): String!
          topic: Int!
          shared(tag: String): SharedEvent!
        }

        type SharedEvent {
          id: Int!
          tag: String
          viewer: String
        }
        """;

    public static ISchema Create()
    {
        var schema = GraphQL.Types.Schema.For(Sdl, builder =>
        {
            builder.Types.Include<RealtimeQuery>();
            builder.Types.Include<RealtimeMutation>();
            builder.Types.Include<RealtimeSubscription>();
        });
        schema.Initialize();
        return schema;
    }
}
