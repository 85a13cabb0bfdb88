using GraphQL;

namespace GraphApi.Server.Execution;

/// <summary>A field needed the database and could not get an answer from it; the client may retry later.</summary>
internal sealed class DatabaseUnavailableError : ExecutionError
{
    public const string DefaultMessage = "The database is unavailable right now; try again shortly.";

    public DatabaseUnavailableError()
        : base(DefaultMessage) => Code = ErrorCodes.DatabaseUnavailable;
}
