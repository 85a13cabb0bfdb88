using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution;

/// <summary>Resolves <see cref="GraphQLServerOptions.ExposeExceptionDetails"/> against the host environment once.</summary>
internal sealed class ExceptionExposure(IOptions<GraphQLServerOptions> options, IHostEnvironment environment)
{
    public bool ExposeDetails { get; } = options.Value.ExposeExceptionDetails ?? environment.IsDevelopment();
}
