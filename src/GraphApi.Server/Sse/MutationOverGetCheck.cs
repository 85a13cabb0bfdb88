using GraphApi.Server.Execution;
using GraphQL;
using GraphQL.Transport;
using GraphQLParser;
using GraphQLParser.AST;
using GraphQLParser.Exceptions;

namespace GraphApi.Server.Sse;

/// <summary>
/// SSE over GET serves queries and subscriptions (EventSource can only GET) but never mutations: a GET must be safe.
/// </summary>
internal static class MutationOverGetCheck
{
    /// <summary>The error to answer with, or <see langword="null"/> when the selected operation is not a mutation.</summary>
    public static ExecutionError? Check(GraphQLRequest request)
    {
        GraphQLDocument document;
        try
        {
            document = Parser.Parse(request.Query);
        }
        catch (GraphQLParserException)
        {
            return null; // the executor reports the syntax error
        }

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToArray();
        var selected = request.OperationName is { } name
            ? operations.FirstOrDefault(o => o.Name?.StringValue == name)
            : operations.Length == 1 ? operations[0] : null;
        return selected?.Operation == OperationType.Mutation
            ? new ExecutionError("Mutations are not allowed over GET; use POST.") { Code = ErrorCodes.OperationNotAllowedOverGet }
            : null;
    }
}
