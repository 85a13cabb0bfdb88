using System.Globalization;
using System.Runtime.CompilerServices;
using GraphApi.Server.Execution.Caching;
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
/// <remarks>
/// A variable given straight to a limited argument (<c>order: $o</c>, <c>input: { items: $items }</c>) is measured
/// before GraphQL.NET coerces the variables as well: coercion keeps a list's length and an object's fields, so the
/// verdict is the same, but refusing first spares coercing, say, 60,000 input objects (most of the time such a
/// request would otherwise take). Literals, and variables nested deeper, wait for the coerced values; a document with
/// neither is not walked a second time.
/// </remarks>
internal sealed class InputLimitsValidationRule(IOptions<InputLimitsOptions> options) : ValidationRuleBase, IDocumentScopedRule
{
    private readonly ConditionalWeakTable<ISchema, InputLimitPlan> _plans = [];

    // Per parsed document (a cached one is the same instance on every request): whether it passes a limited argument.
    private readonly ConditionalWeakTable<GraphQLDocument, Verdict> _verdicts = [];

    // Per operation of such a document: whether its limited arguments are all bare variables.
    private readonly ConditionalWeakTable<GraphQLOperationDefinition, Verdict> _bareVariables = [];

    public override ValueTask<INodeVisitor?> GetPreNodeVisitorAsync(ValidationContext context)
    {
        if (context.Variables is not { Count: > 0 } variables)
        {
            return default;
        }

        var (plan, limits) = PlanFor(context.Schema);
        if (!PassesLimitedArguments(context.Document, plan))
        {
            return default;
        }

        return new(new MatchingNodeVisitor<GraphQLField>((node, validation) =>
        {
            if (validation.TypeInfo.GetFieldDef() is { } definition && plan.For(definition) is { } field)
            {
                Check(node, validation, field, limits, (argument, path) => FromVariable(node, argument, path, variables));
            }
        }));
    }

    public override ValueTask<INodeVisitor?> GetPostNodeVisitorAsync(ValidationContext context)
    {
        if (context.ArgumentValues is null)
        {
            return default; // no field has arguments
        }

        var (plan, limits) = PlanFor(context.Schema);
        if (!PassesLimitedArguments(context.Document, plan))
        {
            return default; // spares walking the whole document with type information on every request
        }

        if (context.Variables is { Count: > 0 } && PassesOnlyBareVariables(context.Operation, context.Document, plan))
        {
            return default; // the check before coercion measured every limited value: no second walk
        }

        return new(new MatchingNodeVisitor<GraphQLField>((node, validation) =>
        {
            if (validation.TypeInfo.GetFieldDef() is { } definition
                && plan.For(definition) is { } field
                && validation.ArgumentValues?.TryGetValue(node, out var arguments) == true)
            {
                Check(node, validation, field, limits, (argument, path) =>
                    arguments.TryGetValue(argument, out var value) ? Descend(value.Value, path) : null);
            }
        }));
    }

    /// <summary>A document that passes no limited argument has nothing to measure, whatever its variables.</summary>
    public bool AppliesTo(GraphQLDocument document, ISchema schema) => PassesLimitedArguments(document, PlanFor(schema).Plan);

    private bool PassesLimitedArguments(GraphQLDocument document, InputLimitPlan plan)
    {
        var verdict = _verdicts.GetValue(document, static _ => new Verdict());
        if (!ReferenceEquals(Volatile.Read(ref verdict.Plan), plan))
        {
            verdict.Passes = LimitedArguments.AppearIn(document, plan.ArgumentNames);
            Volatile.Write(ref verdict.Plan, plan);
        }

        return verdict.Passes;
    }

    /// <summary>
    /// Whether every limited argument is a variable given straight to it, without a default (<c>input: $input</c>): the
    /// check before coercion then measured all there is, since coercion keeps lengths and fields. A literal, a variable
    /// inside one, or a default value in the document waits for the coerced values.
    /// </summary>
    private bool PassesOnlyBareVariables(GraphQLOperationDefinition operation, GraphQLDocument document, InputLimitPlan plan)
    {
        var verdict = _bareVariables.GetValue(operation, static _ => new Verdict());
        if (!ReferenceEquals(Volatile.Read(ref verdict.Plan), plan))
        {
            verdict.Passes = LimitedArguments.AreAllBareVariables(document, operation, plan.ArgumentNames);
            Volatile.Write(ref verdict.Plan, plan);
        }

        return verdict.Passes;
    }

    private (InputLimitPlan Plan, InputLimitsOptions Limits) PlanFor(ISchema schema)
    {
        var limits = options.Value; // validated: declared lists exist (InputLimitsOptionsValidator)
        return (_plans.GetValue(schema, s => InputLimitPlan.Build(s, limits, [])), limits);
    }

    // read: the value at an argument and input field path; null when absent (or not measurable yet).
    private static void Check(
        GraphQLField node, ValidationContext context, FieldLimits field, InputLimitsOptions limits,
        Func<string, IReadOnlyList<string>, object?> read)
    {
        if (field.HasFilter && read("where", []) is IDictionary<string, object?> filter)
        {
            CheckFilter(node, context, field, FilterInputSize.Measure(filter), limits);
        }

        if (field.HasSort && read("order", []) is { } order)
        {
            CheckCount(node, context, field, "order", FilterInputSize.Count(order), limits.MaxSortEntries,
                nameof(InputLimitsOptions.MaxSortEntries));
        }

        foreach (var list in field.Lists)
        {
            if (read(list.Argument, list.Path) is { } value)
            {
                CheckCount(node, context, field, list.Describe(), FilterInputSize.Count(value), list.Maximum, list.Setting);
            }
        }
    }

    /// <summary>
    /// The raw variable value at an argument and input field path when a variable stands on that path in the
    /// document (<c>order: $o</c>, <c>input: { items: $items }</c>); null for literals, measured once coerced.
    /// </summary>
    private static object? FromVariable(GraphQLField node, string argument, IReadOnlyList<string> path, IReadOnlyDictionary<string, object?> variables)
    {
        var value = node.Arguments?.Items.FirstOrDefault(a => a.Name.Value.Span.SequenceEqual(argument))?.Value;
        for (var depth = 0; ; depth++)
        {
            switch (value)
            {
                case GraphQLVariable variable:
                    return variables.TryGetValue(variable.Name.StringValue, out var raw) ? Descend(raw, path.Skip(depth).ToArray()) : null;
                case GraphQLObjectValue literal when depth < path.Count:
                    value = literal.Fields?.FirstOrDefault(f => f.Name.Value.Span.SequenceEqual(path[depth]))?.Value;
                    break;
                default:
                    return null;
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

    private sealed class Verdict
    {
        public InputLimitPlan? Plan;
        public bool Passes;
    }
}
