using System.Linq.Expressions;

namespace GraphApi.Server.Data;

/// <summary>Rewrites a lambda body onto another parameter so expressions from several lambdas can be combined.</summary>
internal sealed class ParameterReplacer(ParameterExpression from, Expression to) : ExpressionVisitor
{
    protected override Expression VisitParameter(ParameterExpression node) => node == from ? to : node;
}
