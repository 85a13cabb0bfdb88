using System.Collections.Concurrent;
using System.Linq.Expressions;
using System.Reflection;

namespace GraphApi.Server.Data;

/// <summary>
/// Puts a value into an expression tree the way a C# closure would, so EF Core sends it as a SQL parameter
/// instead of inlining a literal (plan-cache friendly, no injection surface).
/// </summary>
internal static class QueryParameter
{
    private static readonly ConcurrentDictionary<Type, Func<object?, Expression>> Untyped = new();

    private static readonly MethodInfo TypedFor =
        typeof(QueryParameter).GetMethod(nameof(ForBoxed), BindingFlags.NonPublic | BindingFlags.Static)!;

    /// <summary>A parameter of runtime type <paramref name="type"/> (the factory per type is made once).</summary>
    public static Expression For(object? value, Type type) =>
        Untyped.GetOrAdd(type, t => TypedFor.MakeGenericMethod(t).CreateDelegate<Func<object?, Expression>>())(value);

    public static Expression For<TValue>(TValue value) =>
        Expression.Property(Expression.Constant(new Holder<TValue>(value)), Holder<TValue>.ValueProperty);

    private static Expression ForBoxed<TValue>(object? value) => For((TValue)value!);

    private sealed class Holder<TValue>(TValue value)
    {
        public static readonly PropertyInfo ValueProperty = typeof(Holder<TValue>).GetProperty(nameof(Value))!;

        public TValue Value { get; } = value;
    }
}
