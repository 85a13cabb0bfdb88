using System.Collections;
using System.Linq.Expressions;
using System.Reflection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Query;

namespace GraphApi.Server.Data;

/// <summary>
/// A list of values EF Core sends as a single parameter (<see cref="EF.Parameter{T}"/>): EF Core 10 otherwise
/// expands a parameterized collection into one parameter per value, and 40,000 <c>in</c> values exceed SQLite's
/// limit of 32,766 parameters per statement.
/// </summary>
internal static class CollectionParameter
{
    private static readonly MethodInfo AsOneParameter =
        typeof(EF).GetMethod(nameof(EF.Parameter), BindingFlags.Public | BindingFlags.Static)!;

    public static Expression For(IList values) =>
        Expression.Call(AsOneParameter.MakeGenericMethod(values.GetType()), QueryParameter.For(values, values.GetType()));

    /// <summary>
    /// The predicate for <paramref name="source"/>: as built for EF Core, or without the EF-only markers for a plain
    /// LINQ provider (where calling <see cref="EF.Parameter{T}"/> throws).
    /// </summary>
    public static Expression<Func<T, bool>> For<T>(IQueryable<T> source, Expression<Func<T, bool>> predicate) =>
        source.Provider is IAsyncQueryProvider ? predicate : (Expression<Func<T, bool>>)new MarkerRemover().Visit(predicate);

    private sealed class MarkerRemover : ExpressionVisitor
    {
        protected override Expression VisitMethodCall(MethodCallExpression node) =>
            node.Method.IsGenericMethod && node.Method.GetGenericMethodDefinition() == AsOneParameter
                ? Visit(node.Arguments[0])
                : base.VisitMethodCall(node);
    }
}
