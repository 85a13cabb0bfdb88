using System.Linq.Expressions;
using System.Reflection;
using GraphApi.Server.Execution;
using GraphQL;

namespace GraphApi.Server.Data;

/// <summary>
/// Translates a Hot Chocolate-style <c>where:</c> input into a predicate EF Core runs in SQL. Fields of one object
/// are ANDed; <c>and</c>/<c>or</c> lists nest both at object level and inside an operation input.
/// </summary>
internal static class FilterExpressionBuilder
{
    private static readonly MethodInfo ToLower = typeof(string).GetMethod(nameof(string.ToLower), Type.EmptyTypes)!;
    private static readonly MethodInfo Contains = typeof(string).GetMethod(nameof(string.Contains), [typeof(string)])!;
    private static readonly MethodInfo StartsWith = typeof(string).GetMethod(nameof(string.StartsWith), [typeof(string)])!;
    private static readonly MethodInfo EndsWith = typeof(string).GetMethod(nameof(string.EndsWith), [typeof(string)])!;

    /// <summary>The predicate, or null when the input filters nothing (absent or empty).</summary>
    public static Expression<Func<T, bool>>? Build<T>(IDictionary<string, object?>? where, QueryableMapping<T> mapping)
    {
        var body = where is null ? null : BuildObject(where, mapping);
        return body is null ? null : Expression.Lambda<Func<T, bool>>(body, mapping.Entity);
    }

    private static Expression? BuildObject<T>(IDictionary<string, object?> input, QueryableMapping<T> mapping)
    {
        var parts = new List<Expression?>();
        foreach (var (name, value) in input)
        {
            if (value is null)
            {
                continue;
            }

            parts.Add(name switch
            {
                "and" => All(InputShapes.AsObjectList(value, name).Select(item => BuildObject(item, mapping))),
                "or" => Any(Alternatives(InputShapes.AsObjectList(value, name), mapping)),
                _ => BuildOperations(Guarded(mapping.Resolve(name), InputShapes.AsObject(value, name)), InputShapes.AsObject(value, name)),
            });
        }

        return All(parts);
    }

    /// <summary>
    /// The entries of an object-level <c>or</c>. Entries that only test one field for equality
    /// (<c>{ stock: { eq: 1 } }</c>) are gathered per field into one <c>in</c> at the place of the first: the same
    /// rows, but one parameter and one SQL term instead of one per entry. SQLite parses a long OR as a chain and
    /// refuses expressions nested over 1,000 deep, however balanced the tree EF Core is given.
    /// </summary>
    private static List<Expression?> Alternatives<T>(IReadOnlyList<IDictionary<string, object?>> entries, QueryableMapping<T> mapping)
    {
        var parts = new List<Expression?>();
        var equalities = new Dictionary<MappedMember<T>, (int Position, List<object?> Values)>();
        foreach (var entry in entries)
        {
            if (entry.Count == 1 && entry.First() is var (field, operations) && field is not ("and" or "or")
                && operations is IDictionary<string, object?> tests && SingleEquality(tests) is { } value)
            {
                var member = mapping.Resolve(field);
                if (!equalities.TryGetValue(member, out var group))
                {
                    equalities[member] = group = (parts.Count, []);
                    parts.Add(null);
                }

                group.Values.Add(value);
                continue;
            }

            parts.Add(BuildObject(entry, mapping));
        }

        foreach (var (member, (position, values)) in equalities)
        {
            var operations = new Dictionary<string, object?> { [values.Count == 1 ? "eq" : "in"] = values.Count == 1 ? values[0] : values };
            parts[position] = BuildOperations(Guarded(member, operations), operations);
        }

        return parts;
    }

    /// <summary>The entries of an operator-level <c>or</c>, equalities gathered into one <c>in</c> as in <see cref="Alternatives{T}"/>.</summary>
    private static IEnumerable<Expression?> OperatorAlternatives(Expression member, IReadOnlyList<IDictionary<string, object?>> entries)
    {
        var values = entries.Select(SingleEquality).OfType<object>().ToList();
        var others = entries.Where(entry => SingleEquality(entry) is null).Select(entry => BuildOperations(member, entry));
        return values.Count switch
        {
            0 => others,
            1 => others.Prepend(EqualTo(member, values[0])),
            _ => others.Prepend(In(member, values)),
        };
    }

    /// <summary>The value of an operator object that is exactly <c>{ eq: value }</c> with a value (not IS NULL), else null.</summary>
    private static object? SingleEquality(IDictionary<string, object?> operations) =>
        operations.Count == 1 && operations.TryGetValue("eq", out var value) ? value : null;

    /// <summary>Runs the member's input guard over every value of its operations (lists and nested and/or too).</summary>
    private static Expression Guarded<T>(MappedMember<T> member, IDictionary<string, object?> operations)
    {
        if (member.InputGuard is { } guard)
        {
            foreach (var value in Values(operations))
            {
                if (guard(InputValueConverter.Convert(value, member.Type)!) is { } problem)
                {
                    throw new ExecutionError($"Invalid filter value {value} for '{member.GraphQLName}': {problem}")
                    {
                        Code = ErrorCodes.InvalidFilterValue,
                    };
                }
            }
        }

        return member.Body;
    }

    private static IEnumerable<object> Values(object? input) => input switch
    {
        null => [],
        IDictionary<string, object?> operations => operations.Values.SelectMany(Values),
        System.Collections.IEnumerable items when input is not string => items.Cast<object?>().SelectMany(Values),
        _ => [input],
    };

    private static Expression? BuildOperations(Expression member, IDictionary<string, object?> operations)
    {
        var parts = new List<Expression?>();
        foreach (var (operation, value) in operations)
        {
            parts.Add(operation switch
            {
                "and" => All(InputShapes.AsObjectList(value, operation).Select(item => BuildOperations(member, item))),
                "or" => Any(OperatorAlternatives(member, InputShapes.AsObjectList(value, operation))),
                "eq" => EqualTo(member, value),
                "neq" => Not(EqualTo(member, value)),
                "in" => In(member, value),
                "nin" => Not(In(member, value)),
                _ => BuildNonNullOperation(member, operation, value),
            });
        }

        return All(parts);
    }

    /// <summary>Comparisons and text matches; a null operand means "not given" for these.</summary>
    private static Expression? BuildNonNullOperation(Expression member, string operation, object? value)
    {
        if (value is null)
        {
            return null;
        }

        return operation switch
        {
            "gt" => Comparison.Build(member, ExpressionType.GreaterThan, value),
            "ngt" => Not(Comparison.Build(member, ExpressionType.GreaterThan, value)),
            "gte" => Comparison.Build(member, ExpressionType.GreaterThanOrEqual, value),
            "ngte" => Not(Comparison.Build(member, ExpressionType.GreaterThanOrEqual, value)),
            "lt" => Comparison.Build(member, ExpressionType.LessThan, value),
            "nlt" => Not(Comparison.Build(member, ExpressionType.LessThan, value)),
            "lte" => Comparison.Build(member, ExpressionType.LessThanOrEqual, value),
            "nlte" => Not(Comparison.Build(member, ExpressionType.LessThanOrEqual, value)),
            "contains" => IgnoringCase(member, Contains, value),
            "ncontains" => Not(IgnoringCase(member, Contains, value)),
            "startsWith" => IgnoringCase(member, StartsWith, value),
            "nstartsWith" => Not(IgnoringCase(member, StartsWith, value)),
            "endsWith" => IgnoringCase(member, EndsWith, value),
            "nendsWith" => Not(IgnoringCase(member, EndsWith, value)),
            _ => throw new InvalidOperationException($"Unknown filter operation '{operation}'."),
        };
    }

    /// <summary><c>eq: null</c> is IS NULL.</summary>
    private static Expression EqualTo(Expression member, object? value)
    {
        if (value is null)
        {
            var nullable = member.Type.IsValueType && Nullable.GetUnderlyingType(member.Type) is null
                ? typeof(Nullable<>).MakeGenericType(member.Type)
                : member.Type;
            return Expression.Equal(Expression.Convert(member, nullable), Expression.Constant(null, nullable));
        }

        return Expression.Equal(member, QueryParameter.For(InputValueConverter.Convert(value, member.Type), member.Type));
    }

    /// <summary>
    /// The values travel as ONE parameter (a JSON array on SQLite, an array on PostgreSQL), not one per value, so
    /// no list size reaches the database's parameter limit (see <see cref="CollectionParameter"/>).
    /// </summary>
    private static Expression In(Expression member, object? value)
    {
        var allowsNull = !member.Type.IsValueType || Nullable.GetUnderlyingType(member.Type) is not null;
        var values = InputShapes.AsList(value, "in")
            .Where(item => item is not null || allowsNull)
            .Select(item => InputValueConverter.Convert(item, member.Type));
        var list = (System.Collections.IList)Activator.CreateInstance(typeof(List<>).MakeGenericType(member.Type))!;
        foreach (var item in values)
        {
            list.Add(item);
        }

        return Expression.Call(
            typeof(Enumerable), nameof(Enumerable.Contains), [member.Type],
            CollectionParameter.For(list), member);
    }

    /// <summary>
    /// lower() on both sides: the same case-insensitive match on SQLite and PostgreSQL (ASCII at least); the
    /// operand is lowered in .NET and sent as a parameter.
    /// </summary>
    private static Expression IgnoringCase(Expression member, MethodInfo match, object value)
    {
        if (member.Type != typeof(string))
        {
            throw new InvalidOperationException($"'{match.Name}' filters need a string member, not {member.Type.Name}.");
        }

        var operand = InputValueConverter.Convert(value, typeof(string)) as string;
        var matches = Expression.Call(
            Expression.Call(member, ToLower), match, QueryParameter.For(operand!.ToLowerInvariant()));

        // NULL matches nothing (so the negations include it), the same in SQL and in memory.
        return Expression.AndAlso(Expression.NotEqual(member, Expression.Constant(null, typeof(string))), matches);
    }

    private static Expression? Not(Expression? operand) => operand is null ? null : Expression.Not(operand);

    private static Expression? All(IEnumerable<Expression?> parts) => Combine(parts, Expression.AndAlso);

    private static Expression? Any(IEnumerable<Expression?> parts) => Combine(parts, Expression.OrElse);

    /// <summary>
    /// Joins the parts as a balanced tree (depth log2 n), never one long left-leaning chain: EF Core walks
    /// expression trees recursively, and a chain of 10,000 <c>or</c> entries overflows the stack, which no
    /// catch can stop. The order of the parts is kept, so the SQL reads as the input does.
    /// </summary>
    private static Expression? Combine(IEnumerable<Expression?> parts, Func<Expression, Expression, Expression> join)
    {
        var level = parts.OfType<Expression>().ToList();
        if (level.Count == 0)
        {
            return null;
        }

        while (level.Count > 1)
        {
            var next = new List<Expression>((level.Count + 1) / 2);
            for (var i = 0; i < level.Count; i += 2)
            {
                next.Add(i + 1 < level.Count ? join(level[i], level[i + 1]) : level[i]);
            }

            level = next;
        }

        return level[0];
    }
}
