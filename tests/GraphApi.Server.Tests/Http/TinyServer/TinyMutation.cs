using GraphQL;

namespace GraphApi.Server.Tests.Http.TinyServer;

[GraphQLMetadata("Mutation")]
internal sealed class TinyMutation
{
    public string Echo(string text) => text;
}
