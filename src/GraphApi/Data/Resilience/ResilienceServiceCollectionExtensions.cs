using GraphApi.Server.Execution;

namespace GraphApi.Data.Resilience;

/// <summary>Registers how database outages reach clients.</summary>
internal static class ResilienceServiceCollectionExtensions
{
    /// <summary>Database outages answer <c>DATABASE_UNAVAILABLE</c> rather than <c>UNEXPECTED_EXECUTION_ERROR</c>.</summary>
    public static IServiceCollection AddDatabaseFailureClassification(this IServiceCollection services) =>
        services.AddSingleton<IDatabaseFailureClassifier, NpgsqlFailureClassifier>();
}
