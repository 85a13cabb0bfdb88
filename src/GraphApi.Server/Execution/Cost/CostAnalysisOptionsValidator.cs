using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.Cost;

/// <summary>Negative limits or malformed <c>ListSizes</c> keys are configuration mistakes: start-up stops.</summary>
internal sealed class CostAnalysisOptionsValidator : IValidateOptions<CostAnalysisOptions>
{
    public ValidateOptionsResult Validate(string? name, CostAnalysisOptions options)
    {
        List<string> failures = [];
        if (options.MaxCost < 0)
        {
            failures.Add($"CostAnalysisOptions.MaxCost must not be negative; it is {options.MaxCost}.");
        }

        if (options.DefaultListSize < 0)
        {
            failures.Add($"CostAnalysisOptions.DefaultListSize must not be negative; it is {options.DefaultListSize}.");
        }

        if (options.MaxIntrospectionDepth < 0)
        {
            failures.Add($"CostAnalysisOptions.MaxIntrospectionDepth must not be negative; it is {options.MaxIntrospectionDepth}.");
        }

        foreach (var (field, size) in options.ListSizes)
        {
            if (size < 0 || field.Split('.') is not [{ Length: > 0 }, { Length: > 0 }])
            {
                failures.Add($"CostAnalysisOptions.ListSizes[\"{field}\"] = {size}: the key must be \"Type.field\" and the size not negative.");
            }
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
