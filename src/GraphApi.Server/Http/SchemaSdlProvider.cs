using GraphQL;
using GraphQL.Types;

namespace GraphApi.Server.Http;

/// <summary>The schema printed as SDL once (applied directives such as <c>@authorize</c> included).</summary>
internal sealed class SchemaSdlProvider(ISchema schema)
{
    private readonly Lazy<string> _sdl = new(() => schema.Print());

    public string Sdl => _sdl.Value;
}
