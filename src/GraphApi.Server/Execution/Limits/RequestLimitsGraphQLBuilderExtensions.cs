using GraphApi.Server.Execution;
using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Execution.Limits;

/// <summary>Adds the request limits to a GraphQL.NET builder.</summary>
public static class RequestLimitsGraphQLBuilderExtensions
{
    /// <summary>
    /// Enforces <see cref="RequestLimitsOptions"/> (defaults: 15,000 tokens, depth 15, 1,000 fields, 50 directives,
    /// fragment nesting 64) before validation and execution; a violation is a request error whose
    /// <c>extensions.code</c> is one of <see cref="ErrorCodes"/>. Works with or without the document cache.
    /// </summary>
    public static IGraphQLBuilder UseRequestLimits(this IGraphQLBuilder builder, Action<RequestLimitsOptions>? configure = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        var limits = new RequestLimitsOptions();
        configure?.Invoke(limits);
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxTokens, 1, nameof(limits.MaxTokens));
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxDepth, 1, nameof(limits.MaxDepth));
        ArgumentOutOfRangeException.ThrowIfLessThan(limits.MaxFields, 1, nameof(limits.MaxFields));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxDirectives, nameof(limits.MaxDirectives));
        ArgumentOutOfRangeException.ThrowIfNegative(limits.MaxFragmentNesting, nameof(limits.MaxFragmentNesting));
        return builder.ConfigureExecution(services =>
            new RequestLimitsExecution(limits, services.GetRequiredService<IDocumentBuilder>()));
    }
}
