using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Data;

/// <summary>Registers <see cref="QueryableMapping{T}"/> instances.</summary>
public static class QueryableMappingServiceCollectionExtensions
{
    /// <summary>
    /// Registers a singleton <see cref="QueryableMapping{T}"/>; resolve it with
    /// <c>GetRequiredService&lt;QueryableMapping&lt;T&gt;&gt;()</c>. Throws when <paramref name="configure"/> sets no key.
    /// </summary>
    public static IServiceCollection AddQueryableMapping<T>(
        this IServiceCollection services, Action<QueryableMapping<T>> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        var mapping = new QueryableMapping<T>();
        configure(mapping);
        if (!mapping.HasKey)
        {
            throw new InvalidOperationException($"QueryableMapping<{typeof(T).Name}> needs Key(...).");
        }

        return services.AddSingleton(mapping);
    }
}
