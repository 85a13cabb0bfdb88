using GraphApi.Server.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphApi.Server;

/// <summary>
/// What <c>services.AddGraphQLServer(section)</c> returns, as Hot Chocolate's <c>IRequestExecutorBuilder</c>: the
/// transports (<c>.AddWebSockets()</c>, <c>.AddSse()</c>, <c>.AddIde()</c>), the event bus
/// (<c>.AddRedisPubSub(...)</c>), persisted operations (<c>.AddPersistedOperations()</c>) and the app's features chain on it. Every option is read through <c>IOptions</c>,
/// bound from <see cref="Configuration"/>.
/// </summary>
public sealed class GraphQLServerBuilder
{
    internal GraphQLServerBuilder(IServiceCollection services, IConfiguration configuration, SchemaFirstOptions schema)
    {
        Services = services;
        Configuration = configuration;
        Schema = schema;
    }

    /// <summary>The service collection the server is registered in.</summary>
    public IServiceCollection Services { get; }

    /// <summary>The schema's bindings so far; read when the schema is built, at first use.</summary>
    internal SchemaFirstOptions Schema { get; }

    /// <summary>The configuration section every option is bound from (the app's <c>GraphQL</c> section).</summary>
    public IConfiguration Configuration { get; }

    /// <summary>
    /// Binds SDL types to code (resolver classes, object and enum types, nodes); resolver classes are registered as
    /// scoped services. The schema is built once, at first use, and start-up fails listing every SDL/code mismatch.
    /// </summary>
    public GraphQLServerBuilder ConfigureSchema(Action<SchemaFirstOptions> bind)
    {
        ArgumentNullException.ThrowIfNull(bind);
        bind(Schema);
        foreach (var resolverType in Schema.ResolverTypes.Keys)
        {
            Services.TryAddScoped(resolverType);
        }

        return this;
    }

    /// <summary>
    /// Binds <typeparamref name="TOptions"/> from the sub-section <paramref name="key"/> of <see cref="Configuration"/>
    /// (the whole section when <paramref name="key"/> is null) and returns its options builder, e.g. for validation.
    /// </summary>
    public OptionsBuilder<TOptions> BindOptions<TOptions>(string? key)
        where TOptions : class
    {
        var section = key is null ? Configuration : Configuration.GetSection(key);
        return Services.AddOptions<TOptions>().Bind(section);
    }
}
