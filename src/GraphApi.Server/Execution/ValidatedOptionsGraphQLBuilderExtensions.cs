using GraphQL.DI;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution;

/// <summary>How each execution stage registers its options on a GraphQL.NET builder: through <c>IOptions</c>, validated.</summary>
internal static class ValidatedOptionsGraphQLBuilderExtensions
{
    /// <summary>
    /// Applies <paramref name="configure"/> (may be null) to <typeparamref name="TOptions"/> through <c>IOptions</c>, on
    /// top of configuration binding, and registers <typeparamref name="TValidator"/> once; the first read fails on
    /// invalid values (start-up, with <c>ValidateOnStart</c>).
    /// </summary>
    public static IGraphQLBuilder ConfigureValidatedOptions<TOptions, TValidator>(
        this IGraphQLBuilder builder, Action<TOptions>? configure)
        where TOptions : class, new()
        where TValidator : class, IValidateOptions<TOptions>
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Services.Configure<TOptions>(configure is null ? null : (options, _) => configure(options));
        builder.Services.TryRegister(
            typeof(IValidateOptions<TOptions>),
            typeof(TValidator),
            ServiceLifetime.Singleton,
            RegistrationCompareMode.ServiceTypeAndImplementationType);
        return builder;
    }
}
