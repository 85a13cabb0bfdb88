using System.Linq.Expressions;

namespace GraphApi.Server.Data;

/// <summary>
/// Puts a value into an expression tree the way a C# closure would, so EF Core sends it as a SQL parameter
/// instead of inlining a literal (plan-cache friendly, no injection surface).
/// </summary>
internal static class QueryParameter
{
    public static Expression For(object? value, Type type)
    {
        var holder = Activator.CreateInstance(typeof(Holder<>).MakeGenericType(type), value)!;
        return Expression.Property(Expression.Constant(holder), nameof(Holder<object>.Value));
    }

    public static Expression For<TValue>(TValue value) => For(value, typeof(TValue));

    private sealed class Holder<TValue>(TValue value)
    {
        public TValue Value { get; } = value;
    }
}
