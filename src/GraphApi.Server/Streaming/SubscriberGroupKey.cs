using System.Collections;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using System.Text;
using GraphQL;
using GraphQL.Validation;
using GraphQLParser.AST;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace GraphApi.Server.Streaming;

/// <summary>
/// What a subscription event's result depends on besides the event itself: the document, operation name, variable
/// values and the principal's <see cref="SubscriptionFanOutOptions.Audience"/>. Subscribers with equal keys get the
/// same result for the same event.
/// </summary>
/// <param name="Document">The document's text.</param>
/// <param name="OperationName">The operation executed, when the document names it.</param>
/// <param name="Variables">The coerced variable values, written with their types.</param>
/// <param name="Audience">The principal's <see cref="SubscriptionFanOutOptions.Audience"/>.</param>
internal readonly record struct SubscriberGroupKey(string Document, string? OperationName, string Variables, string Audience)
{
    /// <summary>
    /// Computes keys. GraphQL.NET hands each event a fresh clone of the subscription's context, so the parts that cost
    /// something are cached by what the clones share: the document, the principal and the variables.
    /// </summary>
    internal sealed class Factory(Func<ClaimsPrincipal, string?> audience)
    {
        private readonly ConditionalWeakTable<GraphQLDocument, string> _documents = new();
        private readonly ConditionalWeakTable<ClaimsPrincipal, StrongBox<string?>> _audiences = new();
        private readonly ConditionalWeakTable<Variables, StrongBox<string?>> _variables = new();

        /// <summary>The key of <paramref name="context"/>'s subscription, or null when it must not share (see remarks).</summary>
        /// <remarks>
        /// Not shared: a principal whose audience is null, a request with user context entries (a resolver could read
        /// per-subscriber state there), and variable values of a type this key cannot write faithfully.
        /// </remarks>
        public SubscriberGroupKey? For(ExecutionContext context)
        {
            if (context.UserContext.Count > 0 || context.User is not { } user
                || _audiences.GetValue(user, u => new StrongBox<string?>(audience(u))).Value is not { } audienceKey)
            {
                return null;
            }

            var variables = _variables.GetValue(context.Variables, v => new StrongBox<string?>(Write(v))).Value;
            return variables is null
                ? null
                : new SubscriberGroupKey(
                    _documents.GetValue(context.Document, d => d.Source.ToString()), context.Operation.Name?.StringValue, variables, audienceKey);
        }
    }

    private static string? Write(Variables values)
    {
        var text = new StringBuilder();
        foreach (var variable in values)
        {
            text.Append(variable.Name).Append('=');
            if (!TryWrite(text, variable.Value))
            {
                return null;
            }

            text.Append(';');
        }

        return text.ToString();
    }

    /// <summary>Writes a coerced value with its type, so that e.g. the string "1" and the number 1 differ.</summary>
    private static bool TryWrite(StringBuilder text, object? value)
    {
        switch (value)
        {
            case null:
                text.Append("null");
                return true;
            case string s:
                text.Append('"').Append(s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal)).Append('"');
                return true;
            case Enum or bool or Guid or char:
            case IConvertible when value.GetType().IsPrimitive || value is decimal:
                text.Append(value.GetType().Name).Append(':').Append(Convert.ToString(value, CultureInfo.InvariantCulture));
                return true;
            case DateTime d:
                text.Append("DateTime:").Append(d.ToString("O", CultureInfo.InvariantCulture)).Append(d.Kind);
                return true;
            case DateTimeOffset d:
                text.Append("DateTimeOffset:").Append(d.ToString("O", CultureInfo.InvariantCulture));
                return true;
            case IDictionary<string, object?> fields:
                text.Append('{');
                foreach (var (name, field) in fields)
                {
                    text.Append(name).Append(':');
                    if (!TryWrite(text, field))
                    {
                        return false;
                    }

                    text.Append(',');
                }

                text.Append('}');
                return true;
            case IEnumerable items:
                text.Append('[');
                foreach (var item in items)
                {
                    if (!TryWrite(text, item))
                    {
                        return false;
                    }

                    text.Append(',');
                }

                text.Append(']');
                return true;
            default:
                return false;
        }
    }
}
