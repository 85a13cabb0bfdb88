using System.Security.Claims;
using GraphApi.Server.Execution.Parsing;
using GraphQL;
using GraphQL.Execution;
using GraphQL.Types;
using GraphQL.Validation;
using GraphQL.Validation.Errors;
using GraphQLParser.AST;

namespace GraphApi.Cli;

/// <summary>Judges a persisted document against a schema as the server would: syntax, then GraphQL validation.</summary>
internal static class OperationValidator
{
    private static readonly DocumentValidator Validator = new();

    private static readonly DocumentParser Parser = new(new GraphQLDocumentBuilder());

    /// <summary>The problems of <paramref name="text"/> (message and line), none when it is valid.</summary>
    public static IReadOnlyList<string> Problems(ISchema schema, string text)
    {
        // The server's parser: linear on long lines and safe after a lone \r, where GraphQL-Parser alone is neither.
        var parsed = Parser.Parse(text, int.MaxValue);
        if (parsed.ExceedsParserDepth)
        {
            return ["The document nests values or selections deeper than the parser allows."];
        }
        if (parsed.Error is { } syntaxError)
        {
            var at = syntaxError.Locations?.FirstOrDefault() is { } location ? $" (line {location.Line})" : "";
            return [$"Syntax error: {syntaxError.Message}{at}"];
        }
        var document = parsed.Document!;

        var operations = document.Definitions.OfType<GraphQLOperationDefinition>().ToList();
        if (operations.Count == 0)
        {
            return ["The document has no operation."];
        }

        var problems = new List<string>();
        foreach (var operation in operations)
        {
            var result = Validator.ValidateAsync(new ValidationOptions
            {
                Schema = schema,
                Document = document,
                Operation = operation,
                Rules = DocumentValidator.CoreRules,
                Variables = Inputs.Empty,
                Extensions = Inputs.Empty,
                User = new ClaimsPrincipal(),
                RequestServices = null,
            }).GetAwaiter().GetResult(); // a command-line run: no synchronization context to block

            // Variable values are the caller's at run time; the document itself is what a schema change can break.
            foreach (var error in result.Errors.Where(e => e is not InvalidVariableError))
            {
                var line = error.Locations?.FirstOrDefault() is { } location ? $" (line {location.Line})" : "";
                problems.Add(error.Message + line);
            }
        }

        return problems.Distinct(StringComparer.Ordinal).ToList();
    }
}
