using GraphQL;
using GraphQL.Types;

namespace GraphApi.Cli;

/// <summary>The schema exactly as <c>GET /graphql?sdl</c> serves it, built without starting a server.</summary>
internal static class ServedSchema
{
    /// <summary>
    /// Builds the application's services through the same registration the web server uses and prints the schema
    /// with the printer the runtime uses for <c>?sdl</c> (<see cref="SchemaExtensions.Print"/>).
    /// Neither Kestrel nor the database is touched.
    /// </summary>
    public static string PrintSdl() => Use(schema => schema.Print());

    /// <summary>Runs <paramref name="use"/> on the served schema, built as for <see cref="PrintSdl"/>.</summary>
    public static T Use<T>(Func<ISchema, T> use)
    {
        var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders(); // stdout must carry the SDL and nothing else
        // Tokens are never issued or checked here; a throwaway key lets the export run where no secret is configured.
        builder.Configuration.AddInMemoryCollection([new("Jwt:SigningKey", Convert.ToBase64String(Guid.NewGuid().ToByteArray()) + Guid.NewGuid())]);
        builder.Services.AddGraphApi(builder.Configuration, builder.Environment);

        using var app = builder.Build();
        var schema = app.Services.GetRequiredService<ISchema>();
        schema.Initialize();
        return use(schema);
    }
}
