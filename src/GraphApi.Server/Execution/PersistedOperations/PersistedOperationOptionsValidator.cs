using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.PersistedOperations;

/// <summary>A store that cannot be read, or a lock-down with nothing to serve, is a configuration mistake: start-up stops.</summary>
internal sealed class PersistedOperationOptionsValidator(PersistedOperationPaths paths) : IValidateOptions<PersistedOperationOptions>
{
    public ValidateOptionsResult Validate(string? name, PersistedOperationOptions options)
    {
        List<string> failures = [];
        if (options.MaxEntries < 1)
        {
            failures.Add($"PersistedOperations:MaxEntries must be at least 1; it is {options.MaxEntries}.");
        }

        if (options.MaxBytes < 1)
        {
            failures.Add($"PersistedOperations:MaxBytes must be at least 1; it is {options.MaxBytes}.");
        }

        if (paths.Resolve(options.Directory) is { } directory && !System.IO.Directory.Exists(directory))
        {
            failures.Add($"PersistedOperations:Directory '{directory}' does not exist.");
        }

        if (paths.Resolve(options.Manifest) is { } manifest)
        {
            if (!File.Exists(manifest))
            {
                failures.Add($"PersistedOperations:Manifest '{manifest}' does not exist.");
            }
            else if (ManifestError(manifest) is { } error)
            {
                failures.Add(error);
            }
        }

        if (options.OnlyPersisted && string.IsNullOrWhiteSpace(options.Directory) && string.IsNullOrWhiteSpace(options.Manifest))
        {
            failures.Add("PersistedOperations:OnlyPersisted needs a Directory or a Manifest to serve operations from.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static string? ManifestError(string manifest)
    {
        try
        {
            ManifestDocumentStore.Load(manifest);
            return null;
        }
        catch (InvalidOperationException error)
        {
            return error.Message;
        }
    }
}
