namespace GraphApi.Server.Execution;

/// <summary>Every error code the GraphQL runtime itself puts in <c>errors[].extensions.code</c>, in one place.</summary>
public static class ErrorCodes
{
    /// <summary>A resolver threw an exception that was not an intentional <c>ExecutionError</c>.</summary>
    public const string UnexpectedExecutionError = "UNEXPECTED_EXECUTION_ERROR";

    /// <summary>
    /// The database could not be reached, or kept failing transiently after retries; safe to retry later. Raised when an
    /// <see cref="IDatabaseFailureClassifier"/> recognises the exception a resolver threw.
    /// </summary>
    public const string DatabaseUnavailable = "DATABASE_UNAVAILABLE";

    /// <summary>Execution ran longer than <see cref="GraphQLServerOptions.ExecutionTimeout"/> (GraphQL.NET's own code).</summary>
    public const string Timeout = "TIMEOUT";

    /// <summary>The caller went away (its cancellation token fired) before execution finished.</summary>
    public const string RequestCancelled = "REQUEST_CANCELLED";

    /// <summary>A mutation or subscription was sent where only queries are allowed (HTTP GET).</summary>
    public const string OperationNotAllowedOverGet = "OPERATION_NOT_ALLOWED_OVER_GET";

    /// <summary>A subscription was sent over plain HTTP; it needs a WebSocket or Server-Sent Events.</summary>
    public const string StreamingTransportRequired = "STREAMING_TRANSPORT_REQUIRED";

    /// <summary>The HTTP body is not valid JSON (or is empty).</summary>
    public const string InvalidJson = "INVALID_JSON";

    /// <summary>The request is JSON but not a valid GraphQL-over-HTTP request (e.g. missing query, non-object variables).</summary>
    public const string InvalidRequest = "INVALID_REQUEST";

    /// <summary>An array (batched) body was sent; batching is not supported.</summary>
    public const string BatchingNotSupported = "BATCHING_NOT_SUPPORTED";

    /// <summary>The HTTP body, or a GET query string, exceeds <see cref="GraphQLServerOptions.MaxRequestBodyBytes"/>.</summary>
    public const string RequestTooLarge = "REQUEST_TOO_LARGE";

    /// <summary>The request's Content-Type is not <c>application/json</c>.</summary>
    public const string UnsupportedMediaType = "UNSUPPORTED_MEDIA_TYPE";

    /// <summary>The Accept header allows no media type the server can answer with.</summary>
    public const string NotAcceptable = "NOT_ACCEPTABLE";

    /// <summary>The HTTP method is neither GET nor POST.</summary>
    public const string MethodNotAllowed = "METHOD_NOT_ALLOWED";

    // Schema: global IDs, @authorize, unfinished fields.
    /// <summary>A malformed global ID, or the ID of another type where a specific type is expected.</summary>
    public const string InvalidId = "INVALID_ID";

    /// <summary>An anonymous caller reached a field or object guarded by <c>@authorize</c> (Hot Chocolate's name).</summary>
    public const string AuthNotAuthenticated = "AUTH_NOT_AUTHENTICATED";

    /// <summary>An authenticated caller failed a role or policy of <c>@authorize</c> (Hot Chocolate's name).</summary>
    public const string AuthNotAuthorized = "AUTH_NOT_AUTHORIZED";

    /// <summary>A requested entity does not exist (where saying so leaks nothing, e.g. to an admin).</summary>
    public const string NotFound = "NOT_FOUND";

    // Streaming transports (docs/rules.md, "Abuse resistance").
    /// <summary>
    /// A WebSocket connection already runs <see cref="WebSockets.GraphQLWebSocketOptions.MaxOperationsPerConnection"/>
    /// operations; the new one is refused with an <c>error</c> message and the socket stays open.
    /// </summary>
    public const string MaxOperationsExceeded = "MAX_OPERATIONS_EXCEEDED";

    // Paging (docs/rules.md, "Paging").
    /// <summary><c>first</c> or <c>last</c> is larger than <see cref="Data.PagingOptions.MaxPageSize"/>.</summary>
    public const string PageSizeExceeded = "PAGE_SIZE_EXCEEDED";

    /// <summary>A negative <c>first</c>/<c>last</c>, or <c>first</c> and <c>last</c> together.</summary>
    public const string InvalidPagingArguments = "INVALID_PAGING_ARGUMENTS";

    /// <summary>An undecodable cursor, or one made for another connection field or another <c>order:</c>.</summary>
    public const string InvalidCursor = "INVALID_CURSOR";

    /// <summary>A filter value the field cannot be compared with exactly (e.g. money with three decimals).</summary>
    public const string InvalidFilterValue = "INVALID_FILTER_VALUE";

    // Rate limits (docs/rules.md, "Abuse resistance"): the field is null, the rest of the document runs.
    /// <summary>
    /// A rate limit refused the field (e.g. too many logins from one address, or a full password-hashing queue);
    /// <c>extensions.retryAfter</c> gives the whole seconds to wait. See <see cref="RateLimitedError"/>.
    /// </summary>
    public const string RateLimited = "RATE_LIMITED";

    // Request limits (docs/rules.md, "Limits"): request errors answered with 400 before execution.
    /// <summary>The document has more tokens than <see cref="Limits.RequestLimitsOptions.MaxTokens"/>.</summary>
    public const string MaxTokensExceeded = "MAX_TOKENS_EXCEEDED";

    /// <summary>An operation nests fields deeper than <see cref="Limits.RequestLimitsOptions.MaxDepth"/>.</summary>
    public const string MaxDepthExceeded = "MAX_DEPTH_EXCEEDED";

    /// <summary>The document selects more fields than <see cref="Limits.RequestLimitsOptions.MaxFields"/>.</summary>
    public const string MaxFieldsExceeded = "MAX_FIELDS_EXCEEDED";

    /// <summary>The document uses more directives than <see cref="Limits.RequestLimitsOptions.MaxDirectives"/>.</summary>
    public const string MaxDirectivesExceeded = "MAX_DIRECTIVES_EXCEEDED";

    /// <summary>Fragment spreads nest deeper than <see cref="Limits.RequestLimitsOptions.MaxFragmentNesting"/>.</summary>
    public const string MaxFragmentNestingExceeded = "MAX_FRAGMENT_NESTING_EXCEEDED";

    // Abuse resistance (docs/rules.md, "Abuse resistance"): also request errors answered with 400 before execution.
    /// <summary>An operation's estimated cost is over <see cref="Cost.CostAnalysisOptions.MaxCost"/>.</summary>
    public const string MaxCostExceeded = "MAX_COST_EXCEEDED";

    /// <summary>Introspection nests deeper than <see cref="Cost.CostAnalysisOptions.MaxIntrospectionDepth"/>.</summary>
    public const string MaxIntrospectionDepthExceeded = "MAX_INTROSPECTION_DEPTH_EXCEEDED";

    /// <summary>
    /// An argument value is larger than an <see cref="InputLimits.InputLimitsOptions"/> limit (filter nodes or depth,
    /// <c>in</c> values, <c>order</c> entries, <c>nodes(ids:)</c>, a declared list); <c>extensions.limit</c> names it.
    /// </summary>
    public const string InputLimitExceeded = "INPUT_LIMIT_EXCEEDED";

    // Persisted operations (README, "Persisted operations").
    /// <summary>No trusted document (directory or manifest) has the request's <c>documentId</c>/<c>id</c>; HTTP 400.</summary>
    public const string PersistedOperationNotFound = "PERSISTED_OPERATION_NOT_FOUND";

    /// <summary>Document text was sent while <c>PersistedOperations:OnlyPersisted</c> is on; HTTP 400.</summary>
    public const string OnlyPersistedOperationsAllowed = "ONLY_PERSISTED_OPERATIONS_ALLOWED";

    /// <summary>An automatic persisted query hash the server does not know: HTTP 200, the client sends the query again.</summary>
    public const string PersistedQueryNotFound = "PERSISTED_QUERY_NOT_FOUND";

    /// <summary>An automatic persisted query whose text does not hash to the <c>sha256Hash</c> sent with it; HTTP 400.</summary>
    public const string PersistedQueryHashMismatch = "PERSISTED_QUERY_HASH_MISMATCH";

    /// <summary>The persisted-operation refusals answered with HTTP 400 whatever the response media type.</summary>
    public static readonly IReadOnlySet<string> PersistedOperationRefusals = new HashSet<string>(StringComparer.Ordinal)
    {
        PersistedOperationNotFound, OnlyPersistedOperationsAllowed, PersistedQueryHashMismatch,
    };

    /// <summary>The request-limit codes: they always answer HTTP 400, whatever the response media type.</summary>
    public static readonly IReadOnlySet<string> RequestLimits = new HashSet<string>(StringComparer.Ordinal)
    {
        MaxTokensExceeded, MaxDepthExceeded, MaxFieldsExceeded, MaxDirectivesExceeded, MaxFragmentNestingExceeded,
        MaxCostExceeded, MaxIntrospectionDepthExceeded, InputLimitExceeded,
    };
}
