using GraphQL.Execution;
using GraphQL.MicrosoftDI;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace GraphApi.Server.Streaming;

/// <summary>What WebSocket and SSE share: the operation runner and a DI scope per subscription event.</summary>
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

        // Events run long after the subscribe call: each gets its own scope (fresh DbContext and loaders).
        services.AddSingleton(provider => new ExecutionStrategyRegistration(
            new ScopedSubscriptionExecutionStrategy(provider.GetRequiredService<IServiceScopeFactory>()), OperationType.Subscription));
        return services;
    }
}
