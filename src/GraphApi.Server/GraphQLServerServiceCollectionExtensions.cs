using GraphApi.Server.Authorization;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Execution;
using GraphApi.Server.Execution.Caching;
using GraphApi.Server.Execution.Cost;
using GraphApi.Server.Execution.InputLimits;
using GraphApi.Server.Execution.Limits;
using GraphApi.Server.Http;
using GraphApi.Server.Schema;
using GraphApi.Server.Schema.Connections;
using GraphQL;
using GraphQL.Types;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server;

/// <summary>The runtime's one entry point: a schema-first GraphQL server over HTTP.</summary>
public static class GraphQLServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers a schema-first GraphQL server over HTTP and returns the builder the rest chains on. The schema is
    /// built from the SDL files and the bindings given to <see cref="GraphQLServerBuilder.ConfigureSchema"/> (once,
    /// at first use); with it come DataLoaders, connections over IQueryable, the document cache, request limits, cost
    /// analysis, input size limits and <c>@authorize</c> enforcement. Options are bound from
    /// <paramref name="configuration"/> (the app's <c>GraphQL</c> section; none when null): the section itself
    /// (<see cref="GraphQLServerOptions"/>), <c>Paging</c> (<see cref="PagingOptions"/>), <c>Limits</c>
    /// (<see cref="RequestLimitsOptions"/> and <see cref="CostAnalysisOptions"/>), <c>Limits:Input</c>
    /// (<see cref="InputLimitsOptions"/>) and <c>DocumentCache</c> (<see cref="DocumentCacheOptions"/>); invalid
    /// values stop start-up. Map it with <c>app.MapGraphQL()</c>.
    /// </summary>
    public static GraphQLServerBuilder AddGraphQLServer(this IServiceCollection services, IConfiguration? configuration = null)
    {
        ArgumentNullException.ThrowIfNull(services);
        var builder = new GraphQLServerBuilder(services, configuration ?? new ConfigurationBuilder().Build(), new SchemaFirstOptions());

        builder.BindOptions<GraphQLServerOptions>(null);
        builder.BindOptions<PagingOptions>("Paging");
        builder.BindOptions<RequestLimitsOptions>("Limits").ValidateOnStart();
        builder.BindOptions<CostAnalysisOptions>("Limits").ValidateOnStart();
        builder.BindOptions<InputLimitsOptions>("Limits:Input");
        builder.BindOptions<DocumentCacheOptions>("DocumentCache").ValidateOnStart();

        services.AddDataLoaders();
        services.AddSingleton<IFieldResolverDecorator, ConnectionDecorator>();
        // Read at schema build, after ConfigureSchema has mapped the object types.
        services.AddSingleton<IFieldResolverDecorator>(_ => new AuthorizationDecorator(builder.Schema.ObjectTypes));
        services.AddInputLimitsOptions();
        services.AddGraphQL(graphQL => graphQL
            .AddSchema<ISchema>(provider => SchemaFactory.Build(builder.Schema, provider))
            .AddSystemTextJson()
            .UseRequestLimits()
            .UseCostAnalysis()
            .AddValidationRule<InputLimitsValidationRule>(useForCachedDocuments: true)
            .UseDocumentCache());
        services.AddGraphQLHttp();
        return builder;
    }
}
