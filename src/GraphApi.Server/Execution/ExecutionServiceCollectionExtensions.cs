using GraphQL.Execution;
using GraphQLParser.AST;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Execution;

/// <summary>Registration of the executor facade.</summary>
internal static class ExecutionServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="IGraphQLExecutor"/>, error masking and <see cref="GraphQLServerOptions"/>; queries run
    /// with GraphQL.NET's <see cref="SerialExecutionStrategy"/>. Expects the app to call
    /// <c>services.AddGraphQL(b => b.AddSchema(...).AddSystemTextJson())</c> as well (either order).
    /// Safe to call more than once.
    /// </summary>
    public static IServiceCollection AddGraphQLExecutor(
        this IServiceCollection services,
        Action<GraphQLServerOptions>? configure = null)
    {
        var optionsBuilder = services.AddOptions<GraphQLServerOptions>();
        if (configure is not null)
        {
            optionsBuilder.Configure(configure);
        }

        if (services.Any(d => d.ServiceType == typeof(IGraphQLExecutor)))
        {
            return services;
        }

        services.AddSingleton<ExceptionExposure>();
        services.AddSingleton<UnexpectedExceptionHandler>();
        services.AddSingleton<IGraphQLExecutor, GraphQLExecutor>();

        // Plain AddSingleton (not Try): wins over GraphQL.NET's TryRegister'ed default whichever order the calls come in.
        services.AddSingleton<IErrorInfoProvider, GraphQLErrorInfoProvider>();

        // One scoped EF DbContext per request must never run two resolvers at once; DataLoader batching still works.
        services.AddSingleton(new ExecutionStrategyRegistration(new SerialExecutionStrategy(), OperationType.Query));
        return services;
    }
}
