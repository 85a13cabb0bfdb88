using System.Linq.Expressions;

namespace GraphApi.Server.Tests.Data.TestData;

/// <summary>
/// The depth of an expression tree, measured with an explicit stack so that measuring a degenerate (chained)
/// tree cannot itself overflow the test host's stack.
/// </summary>
public static class ExpressionDepth
{
    public static int Of(Expression root)
    {
        var deepest = 0;
        var pending = new Stack<(Expression Node, int Depth)>();
        pending.Push((root, 1));
        while (pending.Count > 0)
        {
            var (node, depth) = pending.Pop();
            deepest = Math.Max(deepest, depth);
            foreach (var child in Children(node))
            {
                pending.Push((child, depth + 1));
            }
        }

        return deepest;
    }

    private static IEnumerable<Expression> Children(Expression node) => node switch
    {
        LambdaExpression lambda => [lambda.Body],
        BinaryExpression binary => [binary.Left, binary.Right],
        UnaryExpression unary => [unary.Operand],
        MethodCallExpression call => call.Object is null ? call.Arguments : [call.Object, .. call.Arguments],
        MemberExpression { Expression: { } target } => [target],
        _ => [],
    };
}
