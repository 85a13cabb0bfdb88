using System.Diagnostics;
using GraphQL;
using GraphQLParser.AST;

namespace GraphApi.Server.Telemetry;

/// <summary>Describes one executed operation on its span and in the request metrics.</summary>
internal static class RequestTelemetry
{
    public static void Record(Activity? activity, string? requestedName, ExecutionResult result, TimeSpan elapsed)
    {
        var type = result.Operation?.Operation switch
        {
            OperationType.Query => "query",
            OperationType.Mutation => "mutation",
            OperationType.Subscription => "subscription",
            _ => "unknown", // refused before an operation was chosen (parse or validation error)
        };
        var errors = result.Errors?.Count ?? 0;
        var outcome = errors == 0 ? "success" : "error";
        var tags = new TagList
        {
            { ServerTelemetry.OperationTypeTag, type },
            { ServerTelemetry.OutcomeTag, outcome },
        };
        ServerTelemetry.Requests.Add(1, tags);
        ServerTelemetry.RequestDuration.Record(elapsed.TotalSeconds, tags);

        if (activity is null)
        {
            return;
        }

        var name = result.Operation?.Name?.StringValue ?? requestedName;
        activity.DisplayName = name is null ? type : $"{type} {name}";
        activity.SetTag(ServerTelemetry.OperationTypeTag, type);
        activity.SetTag(ServerTelemetry.OperationNameTag, name);
        activity.SetTag(ServerTelemetry.ErrorCountTag, errors);
        if (errors > 0)
        {
            activity.SetStatus(ActivityStatusCode.Error);
        }
    }
}
