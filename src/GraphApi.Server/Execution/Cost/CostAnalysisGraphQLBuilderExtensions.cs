using GraphApi.Server.Data;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.Cost;

/// <summary>Adds cost analysis and the introspection depth rule to a GraphQL.NET builder.</summary>
public static class CostAnalysisGraphQLBuilderExtensions
{
    /// <summary>
    /// Refuses operations whose estimated cost exceeds <see cref="CostAnalysisOptions.MaxCost"/> (default 50,000;
    /// code <c>MAX_COST_EXCEEDED</c>) and introspection nesting deeper than
    /// <see cref="CostAnalysisOptions.MaxIntrospectionDepth"/> (default 3; code <c>MAX_INTROSPECTION_DEPTH_EXCEEDED</c>),
    /// before validation and execution, for cached documents too. Options are read through <c>IOptions</c>
    /// (<paramref name="configure"/> applied on top); page sizes come from <c>IOptions&lt;PagingOptions&gt;</c>.
    /// </summary>
    public static IGraphQLBuilder UseCostAnalysis(this IGraphQLBuilder builder, Action<CostAnalysisOptions>? configure = null)
    {
        builder.ConfigureValidatedOptions<CostAnalysisOptions, CostAnalysisOptionsValidator>(configure);
        builder.Services.Configure<PagingOptions>();
        return builder.ConfigureExecution(services =>
        {
            var options = services.GetRequiredService<IOptions<CostAnalysisOptions>>().Value;
            return new CostAnalysisExecution(
                options,
                new CostEstimator(options, services.GetRequiredService<IOptions<PagingOptions>>().Value),
                services.GetRequiredService<IDocumentBuilder>());
        });
    }
}
