using System.Collections;
using System.Globalization;
using System.Text;
using GraphQL.Execution;
using ExecutionContext = GraphQL.Execution.ExecutionContext;

namespace GraphApi.Server.Streaming;

/// <summary>
/// What a subscription event's result depends on besides the event itself: document text, operation name, variable
/// values and the principal's <see cref="SubscriptionFanOutOptions.Audience"/>. Subscribers with equal keys get
/// the same result for the same event.
/// </summary>
internal readonly record struct SubscriberGroupKey(string Document, string? OperationName, string Variables, string Audience)
{
    /// <summary>The key of <paramref name="context"/>'s subscription, or null when it must not share (see remarks).</summary>
    /// <remarks>
    /// Not shared: a principal whose audience is null, a request with user context entries (a resolver could read
    /// per-subscriber state there), and variable values of a type this key cannot write faithfully.
    /// </remarks>
    public static SubscriberGroupKey? For(ExecutionContext context, Func<System.Security.Claims.ClaimsPrincipal, string?> audience)
    {
        if (context.UserContext.Count > 0 || context.User is not { } user || audience(user) is not { } audienceKey)
        {
            return null;
        }

        var variables = new StringBuilder();
        foreach (var variable in context.Variables)
        {
            variables.Append(variable.Name).Append('=');
            if (!TryWrite(variables, variable.Value))
            {
                return null;
            }

            variables.Append(';');
        }

        return new SubscriberGroupKey(
            context.Document.Source.ToString(), context.Operation.Name?.StringValue, variables.ToString(), audienceKey);
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
