using GraphQL.Types;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.InputLimits;

/// <summary>
/// Every limit at least 1, and every declared list limit naming a list of the schema (checked at start-up, so a
/// renamed argument cannot silently drop its limit).
/// </summary>
internal sealed class InputLimitsOptionsValidator(IServiceProvider services) : IValidateOptions<InputLimitsOptions>
{
    public ValidateOptionsResult Validate(string? name, InputLimitsOptions options)
    {
        var problems = new List<string>();
        foreach (var (setting, value) in new[]
        {
            (nameof(options.MaxFilterNodes), options.MaxFilterNodes),
            (nameof(options.MaxFilterDepth), options.MaxFilterDepth),
            (nameof(options.MaxFilterListValues), options.MaxFilterListValues),
            (nameof(options.MaxSortEntries), options.MaxSortEntries),
            (nameof(options.MaxNodeIds), options.MaxNodeIds),
        }.Concat(options.MaxListLengths.Select(entry => ($"{nameof(options.MaxListLengths)}[{entry.Key}]", entry.Value))))
        {
            if (value < 1)
            {
                problems.Add($"Input limit {setting} must be at least 1; it is {value}.");
            }
        }

        if (services.GetService<ISchema>() is { } schema)
        {
            InputLimitPlan.Build(schema, options, problems);
        }

        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
