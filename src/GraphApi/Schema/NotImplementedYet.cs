using GraphApi.Server.Execution;
using GraphQL;

namespace GraphApi.Schema;

/// <summary>The answer of fields the SDL already carries but later work implements: a clear error, never a crash.</summary>
internal static class NotImplementedYet
{
    public static ExecutionError Error(string field) =>
        new($"'{field}' is not implemented yet.") { Code = ErrorCodes.NotImplemented };
}
