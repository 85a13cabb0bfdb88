using System.Globalization;
using System.Runtime.CompilerServices;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQLParser.AST;
using Microsoft.Extensions.Options;

namespace GraphApi.Server.Execution.InputLimits;

/// <summary>
/// Enforces <see cref="InputLimitsOptions"/> on the coerced argument values GraphQL.NET computes during validation
/// (a post-node visitor sees literals and variables alike), so an oversized input is refused before any resolver
/// runs. Registered for cached documents too: their variables change with every request.
/// </summary>
internal sealed class InputLimitsValidationRule(IOptions<InputLimitsOptions> options) : ValidationRuleBase
{
    private readonly ConditionalWeakTable<ISchema, InputLimitPlan> _plans = [];

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.ArgumentValues is null)
        {
            return default; // no field has arguments
        }

        var limits = options.Value; // validated: declared lists exist (InputLimitsOptionsValidator)
        var plan = _plans.GetValue(context.Schema, schema => InputLimitPlan.Build(schema, limits, []));
        return new(new MatchingNodeVisitor<GraphQLField>((field, validation) => Check(field, validation, plan, limits)));
    }

    private static void Check(GraphQLField node, ValidationContext context, InputLimitPlan plan, InputLimitsOptions limits)
    {
        if (context.TypeInfo.GetFieldDef() is not { } definition
            || plan.For(definition) is not { } field
            || context.ArgumentValues?.TryGetValue(node, out var arguments) != true)
        {
            return;
        }

        if (field.HasFilter && arguments!.TryGetValue("where", out var where)
            && where.Value is IDictionary<string, object?> filter)
        {
            CheckFilter(node, context, field, FilterInputSize.Measure(filter), limits);
        }

        if (field.HasSort && arguments!.TryGetValue("order", out var order) && order.Value is not null)
        {
            CheckCount(node, context, field, "order", FilterInputSize.Count(order.Value), limits.MaxSortEntries,
                nameof(InputLimitsOptions.MaxSortEntries));
        }

        foreach (var list in field.Lists)
        {
            if (arguments!.TryGetValue(list.Argument, out var argument) && Descend(argument.Value, list.Path) is { } value)
            {
                CheckCount(node, context, field, list.Describe(), FilterInputSize.Count(value), list.Maximum, list.Setting);
            }
        }
    }

    private static void CheckFilter(
        GraphQLField node, ValidationContext context, FieldLimits field, FilterInputSize size, InputLimitsOptions limits)
    {
        if (size.Nodes > limits.MaxFilterNodes)
        {
            Report(node, context, nameof(InputLimitsOptions.MaxFilterNodes), "where",
                $"The argument 'where' of {field.Name} holds {N(size.Nodes)} filter nodes, over the maximum of {N(limits.MaxFilterNodes)}");
        }

        if (size.Depth > limits.MaxFilterDepth)
        {
            Report(node, context, nameof(InputLimitsOptions.MaxFilterDepth), "where",
                $"The argument 'where' of {field.Name} nests {N(size.Depth)} levels deep, over the maximum of {N(limits.MaxFilterDepth)}");
        }

        if (size.LongestList > limits.MaxFilterListValues)
        {
            Report(node, context, nameof(InputLimitsOptions.MaxFilterListValues), "where",
                $"The argument 'where' of {field.Name} has an '{size.LongestListOperator}' list of {N(size.LongestList)} values, over the maximum of {N(limits.MaxFilterListValues)}");
        }
    }

    private static void CheckCount(
        GraphQLField node, ValidationContext context, FieldLimits field, string argument, int count, int maximum, string setting)
    {
        if (count > maximum)
        {
            Report(node, context, setting, argument,
                $"The argument '{argument}' of {field.Name} has {N(count)} entries, over the maximum of {N(maximum)}");
        }
    }

    /// <summary>The value at <paramref name="path"/> inside an input object value; null when absent.</summary>
    private static object? Descend(object? value, IReadOnlyList<string> path)
    {
        foreach (var name in path)
        {
            value = value is IDictionary<string, object?> input ? input.TryGetValue(name, out var inner) ? inner : null : null;
        }

        return value;
    }

    private static void Report(GraphQLField node, ValidationContext context, string limit, string argument, string message)
    {
        var error = new ValidationError(context.Document.Source, null, $"{message} ({limit}).", node)
        {
            Code = ErrorCodes.InputLimitExceeded,
        };
        error.Extensions = new Dictionary<string, object?> { ["limit"] = limit, ["argument"] = argument };
        context.ReportError(error);
    }

    private static string N(int value) => value.ToString("N0", CultureInfo.InvariantCulture);
}
