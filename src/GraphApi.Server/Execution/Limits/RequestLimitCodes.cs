namespace GraphApi.Server.Execution.Limits;

/// <summary>The <c>extensions.code</c> values of request-limit errors.</summary>
public static class RequestLimitCodes
{
    /// <summary>The document has more tokens than <see cref="RequestLimitsOptions.MaxTokens"/>.</summary>
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    /// <summary>An operation nests fields deeper than <see cref="RequestLimitsOptions.MaxDepth"/>.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>The document selects more fields than <see cref="RequestLimitsOptions.MaxFields"/>.</summary>
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";

    /// <summary>The document uses more directives than <see cref="RequestLimitsOptions.MaxDirectives"/>.</summary>
    public const string MaxDirectivesExceeded = "MAX_DIRECTIVES_EXCEEDED";

    /// <summary>Fragment spreads nest deeper than <see cref="RequestLimitsOptions.MaxFragmentNesting"/>.</summary>
    public const string MaxFragmentNestingExceeded = "MAX_FRAGMENT_NESTING_EXCEEDED";
}
