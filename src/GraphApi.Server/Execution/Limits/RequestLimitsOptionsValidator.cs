using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.Limits;

/// <summary>A limit that would refuse every request (or a negative one) is a configuration mistake: start-up stops.</summary>
internal sealed class RequestLimitsOptionsValidator : IValidateOptions<RequestLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, RequestLimitsOptions options)
    {
        List<string> failures = [];
        AtLeast(failures, nameof(options.MaxTokens), options.MaxTokens, 1);
        AtLeast(failures, nameof(options.MaxDepth), options.MaxDepth, 1);
        AtLeast(failures, nameof(options.MaxFields), options.MaxFields, 1);
        AtLeast(failures, nameof(options.MaxDirectives), options.MaxDirectives, 0);
        AtLeast(failures, nameof(options.MaxFragmentNesting), options.MaxFragmentNesting, 0);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void AtLeast(List<string> failures, string name, long value, long minimum)
    {
        if (value < minimum)
        {
            failures.Add($"RequestLimitsOptions.{name} must be at least {minimum}; it is {value}.");
        }
    }
}
