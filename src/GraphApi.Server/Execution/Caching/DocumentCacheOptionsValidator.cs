using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.Caching;

/// <summary>A cache that could hold nothing is a configuration mistake: start-up stops.</summary>
internal sealed class DocumentCacheOptionsValidator : IValidateOptions<DocumentCacheOptions>
{
    public ValidateOptionsResult Validate(string? name, DocumentCacheOptions options)
    {
        List<string> failures = [];
        if (options.MaxEntries < 1)
        {
            failures.Add($"DocumentCacheOptions.MaxEntries must be at least 1; it is {options.MaxEntries}.");
        }

        if (options.MaxBytes < 1)
        {
            failures.Add($"DocumentCacheOptions.MaxBytes must be at least 1; it is {options.MaxBytes}.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
