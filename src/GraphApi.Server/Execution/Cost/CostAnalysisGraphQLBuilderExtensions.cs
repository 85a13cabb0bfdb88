using GraphApi.Server.Data;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Execution.Cost;

/// <summary>Adds cost analysis and the introspection depth rule to a GraphQL.NET builder.</summary>
public static class CostAnalysisGraphQLBuilderExtensions
{
    /// <summary>
    /// Refuses operations whose estimated cost exceeds <see cref="CostAnalysisOptions.MaxCost"/> (default 50,000;
    /// code <c>MAX_COST_EXCEEDED</c>) and introspection nesting deeper than
    /// <see cref="CostAnalysisOptions.MaxIntrospectionDepth"/> (default 3; code <c>MAX_INTROSPECTION_DEPTH_EXCEEDED</c>),
    /// before validation and execution, for cached documents too. Page sizes come from the registered
    /// <see cref="PagingOptions"/> (defaults when none is registered).
    /// </summary>
    public static IGraphQLBuilder UseCostAnalysis(this IGraphQLBuilder builder, Action<CostAnalysisOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = new CostAnalysisOptions();
        configure?.Invoke(limits);
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxCost, nameof(limits.MaxCost));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.DefaultListSize, nameof(limits.DefaultListSize));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxIntrospectionDepth, nameof(limits.MaxIntrospectionDepth));
        foreach (var (field, size) in limits.ListSizes)
        {
            if (size < 0 || field.Split('.') is not [{ Length: > 0 }, { Length: > 0 }])
                throw new ArgumentException($"ListSizes[\"{field}\"] = {size}: the key must be \"Type.field\" and the size not negative.", nameof(configure));
        }
        return builder.ConfigureExecution(services => new CostAnalysisExecution(
            limits,
            new CostEstimator(limits, services.GetService<PagingOptions>() ?? new PagingOptions()),
            services.GetRequiredService<IDocumentBuilder>()));
    }
}
