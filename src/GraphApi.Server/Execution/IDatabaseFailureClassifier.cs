namespace GraphApi.Server.Execution;

/// <summary>
/// Recognises exceptions that mean "the database is unreachable or overloaded" (the application knows its provider;
/// the runtime does not). A resolver exception any registered classifier recognises is answered with
/// <see cref="ErrorCodes.DatabaseUnavailable"/> instead of <see cref="ErrorCodes.UnexpectedExecutionError"/>.
/// None is registered by default.
/// </summary>
public interface IDatabaseFailureClassifier
{
    /// <summary>True when <paramref name="exception"/> (or what it wraps) says the database is unavailable.</summary>
    bool IsDatabaseUnavailable(Exception exception);
}
