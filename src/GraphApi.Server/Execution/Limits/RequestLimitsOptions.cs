namespace GraphApi.Server.Execution.Limits;

/// <summary>
/// Limits checked before execution (see <see cref="RequestLimitsGraphQLBuilderExtensions.UseRequestLimits"/>);
/// a violation is a request error whose <c>extensions.code</c> comes from <see cref="ErrorCodes"/>.
/// </summary>
public sealed class RequestLimitsOptions
{
    /// <summary>
    /// The most lexical tokens a document may have (comments count, the end of input does not). Default 15,000.
    /// Checked by lexing before the document is parsed.
    /// </summary>
    public int MaxTokens { get; set; } = 15_000;

    /// <summary>The deepest field nesting of an operation, fragments expanded; a root field is depth 1. Default 15.</summary>
    public int MaxDepth { get; set; } = 15;

    /// <summary>The most field selections as written: every alias counts, a fragment's fields count once. Default 1,000.</summary>
    public int MaxFields { get; set; } = 1_000;

    /// <summary>The most directive uses as written, wherever they appear. Default 50.</summary>
    public int MaxDirectives { get; set; } = 50;

    /// <summary>
    /// The longest chain of fragment spreads (a spread inside a fragment reached by a spread, and so on). Default 64.
    /// A safeguard beyond the contract: GraphQL.NET's own validation recurses along such chains and overflows the
    /// stack (crashing the process) at about 1,800 nested fragments, which fit in 15,000 tokens.
    /// </summary>
    public int MaxFragmentNesting { get; set; } = 64;
}
