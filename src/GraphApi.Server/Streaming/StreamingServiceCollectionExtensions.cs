using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Streaming;

/// <summary>What WebSocket and SSE share: the operation runner, a DI scope per subscription event, shared event results.</summary>
internal static class StreamingServiceCollectionExtensions
{
    public static IServiceCollection AddGraphQLStreaming(this IServiceCollection services)
    {
        if (services.Any(d => d.ServiceType == typeof(GraphQLOperationRunner)))
        {
            return services;
        }

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton<GraphQLOperationRunner>();

        // Events run long after the subscribe call: each gets its own scope (fresh DbContext and loaders), and
        // subscribers whose results must be identical share one execution per event.
        services.AddOptions<SubscriptionFanOutOptions>();
        services.AddSingleton(provider => new ExecutionStrategyRegistration(
            new SharedEventExecutionStrategy(
                provider.GetRequiredService<IServiceScopeFactory>(), provider.GetRequiredService<IOptions<SubscriptionFanOutOptions>>()),
            OperationType.Subscription));
        return services;
    }
}
