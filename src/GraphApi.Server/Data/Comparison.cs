using System.Linq.Expressions;
using System.Reflection;

namespace GraphApi.Server.Data;

/// <summary>Builds <c>member op @value</c> for every orderable member type, in a form EF Core translates.</summary>
internal static class Comparison
{
    private static readonly MethodInfo CompareStrings =
        typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!;

    public static Expression Build(Expression member, ExpressionType comparison, object value)
    {
        var parameter = QueryParameter.For(InputValueConverter.Convert(value, member.Type), member.Type);
        var type = Nullable.GetUnderlyingType(member.Type) ?? member.Type;

        if (type == typeof(string))
        {
            // string has no < operator; EF translates string.Compare(a, b) > 0 to a > b.
            return Expression.MakeBinary(
                comparison, Expression.Call(CompareStrings, member, parameter), Expression.Constant(0));
        }

        if (type.IsEnum)
        {
            // Enums compare by numeric value (declaration order); expression trees only compare the numbers.
            var numeric = Enum.GetUnderlyingType(type);
            if (type != member.Type)
            {
                numeric = typeof(Nullable<>).MakeGenericType(numeric);
            }

            return Expression.MakeBinary(
                comparison, Expression.Convert(member, numeric), Expression.Convert(parameter, numeric));
        }

        return Expression.MakeBinary(comparison, member, parameter);
    }
}
