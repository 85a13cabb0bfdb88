using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.InputLimits;

/// <summary>Registration of the input size limits (<see cref="InputLimitsOptions"/>).</summary>
public static class InputLimitsServiceCollectionExtensions
{
    /// <summary>
    /// Limits the list at <paramref name="path"/> (<c>Type.field.argument[.inputField...]</c>, e.g.
    /// <c>Mutation.placeOrder.input.items</c>) to <paramref name="maximum"/> entries; more is refused with
    /// INPUT_LIMIT_EXCEEDED before any resolver runs. A value configured for the same key wins, whichever is
    /// registered first. Start-up fails when the schema has no such list.
    /// </summary>
    public static IServiceCollection AddInputListLimit(this IServiceCollection services, string path, int maximum)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        services.Configure<InputLimitsOptions>(options => options.MaxListLengths.TryAdd(path, maximum));
        return services;
    }

    /// <summary>The options (defaults in <see cref="InputLimitsOptions"/>), validated at start-up.</summary>
    internal static IServiceCollection AddInputLimitsOptions(this IServiceCollection services)
    {
        services.AddOptions<InputLimitsOptions>().ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InputLimitsOptions>, InputLimitsOptionsValidator>());
        return services;
    }
}
