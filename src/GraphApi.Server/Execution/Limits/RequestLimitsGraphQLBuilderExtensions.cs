using GraphQL;
using GraphQL.DI;
using GraphQL.Execution;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.Limits;

/// <summary>Adds the request limits to a GraphQL.NET builder.</summary>
public static class RequestLimitsGraphQLBuilderExtensions
{
    /// <summary>
    /// Enforces <see cref="RequestLimitsOptions"/> (defaults: 15,000 tokens, depth 15, 1,000 fields, 50 directives,
    /// fragment nesting 64; read through <c>IOptions</c>, <paramref name="configure"/> applied on top) before
    /// validation and execution; a violation is a request error whose <c>extensions.code</c> is one of
    /// <see cref="ErrorCodes"/>. Works with or without the document cache. Invalid limits fail validation.
    /// </summary>
    public static IGraphQLBuilder UseRequestLimits(this IGraphQLBuilder builder, Action<RequestLimitsOptions>? configure = null)
    {
        builder.ConfigureValidatedOptions<RequestLimitsOptions, RequestLimitsOptionsValidator>(configure);
        return builder.ConfigureExecution(services => new RequestLimitsExecution(
            services.GetRequiredService<IOptions<RequestLimitsOptions>>().Value,
            services.GetRequiredService<IDocumentBuilder>()));
    }
}
