using GraphApi.Server.DataLoading;
using GraphQL;
using GraphQL.Execution;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.DataLoading;

/// <summary>A DI-built GraphQL.NET executer over the library schema, with a fresh scope per request.</summary>
internal sealed class LibraryServer : IDisposable
{
    private const string Sdl = """
        type Query { authors: [Author!]! books: [Book!]! author(id: Int!): Author }
        type Author { id: Int! name: String! books: [Book!] firstBooks(first: Int!): [Book!] }
        type Book { id: Int! title: String! author: Author }
        """;

    private static readonly GraphQLSerializer Serializer = new();
    private readonly ServiceProvider _services;

    private LibraryServer(ServiceProvider services) => _services = services;

    public LoaderCalls Calls => _services.GetRequiredService<LoaderCalls>();

    /// <summary>Builds the server; <paramref name="strategy"/> is "parallel" or "serial" (used for queries).</summary>
    public static LibraryServer Create(string strategy)
    {
        var services = new ServiceCollection()
            .AddSingleton<LoaderCalls>()
            .AddDataLoaders()
            .AddDataLoader<AuthorByIdLoader>()
            .AddDataLoader<BooksByAuthorLoader>()
            .AddTransient<QueryResolvers>()
            .AddTransient<AuthorResolvers>()
            .AddTransient<BookResolvers>();
        services.AddGraphQL(builder =>
        {
            builder.AddSchema(_ => GraphQL.Types.Schema.For(Sdl, schema =>
            {
                schema.Types.Include<QueryResolvers>();
                schema.Types.Include<AuthorResolvers>();
                schema.Types.Include<BookResolvers>();
            }));
            if (strategy == "serial")
            {
                builder.AddExecutionStrategy<SerialExecutionStrategy>(OperationType.Query);
            }
        });
        return new LibraryServer(services.BuildServiceProvider());
    }

    public async Task<(ExecutionResult Result, string Json)> ExecuteAsync(string query)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<IDocumentExecuter<ISchema>>()
            .ExecuteAsync(new ExecutionOptions { Query = query, RequestServices = scope.ServiceProvider });
        return (result, Serializer.Serialize(result));
    }

    public void Dispose() => _services.Dispose();
}
