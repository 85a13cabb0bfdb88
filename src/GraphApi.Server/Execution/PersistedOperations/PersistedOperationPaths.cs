using Microsoft.Extensions.Hosting;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>Resolves configured store paths against the host's content root (the working directory without a host).</summary>
internal sealed class PersistedOperationPaths(IHostEnvironment? environment = null)
{
    public string? Resolve(string? path) =>
        string.IsNullOrWhiteSpace(path) ? null : Path.GetFullPath(path, environment?.ContentRootPath ?? System.IO.Directory.GetCurrentDirectory());
}
