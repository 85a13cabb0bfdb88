using GraphQL;

namespace GraphApi.Server.Streaming;

/// <summary>Where <see cref="GraphQLOperationRunner"/> delivers an operation's outcome; each transport frames it its own way.</summary>
internal interface IOperationSink
{
    /// <summary>One result: the single result of a query or mutation, or one subscription event.</summary>
    ValueTask NextAsync(ExecutionResult result, CancellationToken cancellationToken);

    /// <summary>The operation was refused before it ran (syntax, validation, authorization at subscribe time). Nothing follows.</summary>
    ValueTask ErrorAsync(IReadOnlyList<ExecutionError> errors, CancellationToken cancellationToken);

    /// <summary>No more results will come.</summary>
    ValueTask CompleteAsync(CancellationToken cancellationToken);
}
