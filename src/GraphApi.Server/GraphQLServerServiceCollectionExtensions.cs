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
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphApi.Server;

/// <summary>The runtime's one entry point: a schema-first GraphQL server over HTTP.</summary>
public static class GraphQLServerServiceCollectionExtensions
{
    /// <summary>
    /// Registers the schema built from the SDL files and <paramref name="bind"/> (built once, at first use; start-up
    /// fails listing every SDL/code mismatch), the resolver classes (scoped), DataLoaders, connections over
    /// IQueryable, the document cache, request limits, cost analysis, input size limits (<see cref="InputLimitsOptions"/>,
    /// configured through <c>IOptions</c>), <c>@authorize</c> enforcement and GraphQL over HTTP.
    /// Map it with <c>app.MapGraphQL()</c>.
    /// </summary>
    public static IServiceCollection AddGraphQLServer(
        this IServiceCollection services,
        Action<SchemaFirstOptions> bind,
        Action<GraphQLServerOptions>? configure = null,
        Action<RequestLimitsOptions>? limits = null,
        Action<DocumentCacheOptions>? cache = null,
        Action<CostAnalysisOptions>? cost = null)
    {
        ArgumentNullException.ThrowIfNull(bind);
        var schemaOptions = new SchemaFirstOptions();
        bind(schemaOptions);

        foreach (var resolverType in schemaOptions.ResolverTypes.Keys)
        {
            services.TryAddScoped(resolverType);
        }

        services.AddDataLoaders();
        services.TryAddSingleton(new PagingOptions());
        services.AddSingleton<IFieldResolverDecorator, ConnectionDecorator>();
        services.AddInputLimitsOptions();
        services.AddGraphQL(builder => builder
            .AddSchema<ISchema>(provider => SchemaFactory.Build(schemaOptions, provider))
            .AddSystemTextJson()
            .UseRequestLimits(limits)
            .UseCostAnalysis(cost)
            .AddValidationRule<InputLimitsValidationRule>(useForCachedDocuments: true)
            .UseDocumentCache(cache));
        services.AddGraphQLHttp(configure);
        return services;
    }
}
