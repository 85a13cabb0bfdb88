namespace GraphApi.Data.Resilience;

/// <summary>
/// Connection discipline and start-up behaviour (section <c>Database</c>). The pool and timeout settings apply to
/// PostgreSQL only; SQLite keeps its defaults.
/// </summary>
public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary>
    /// Most connections one instance holds (Npgsql <c>Maximum Pool Size</c>), default 20. Size it so that
    /// instances × MaxPoolSize + 5 (migrations, psql, monitoring) ≤ the server's <c>max_connections</c>
    /// minus <c>superuser_reserved_connections</c> (100 − 3 by default: up to 4 instances at 20).
    /// A <c>Maximum Pool Size</c> written in the connection string wins.
    /// </summary>
    public int MaxPoolSize { get; set; } = 20;

    /// <summary>
    /// Seconds a request waits to open a connection, or for a free one when the pool is exhausted (Npgsql
    /// <c>Timeout</c>), default 5. A <c>Timeout</c> written in the connection string wins.
    /// </summary>
    public int ConnectionTimeoutSeconds { get; set; } = 5;

    /// <summary>How often a unit of work is retried after a transient failure, default 3.</summary>
    public int MaxRetryCount { get; set; } = 3;

    /// <summary>
    /// Seconds after which a failing unit of work stops retrying, default 8, so a field answers
    /// <c>DATABASE_UNAVAILABLE</c> within 10 s of an outage.
    /// </summary>
    public int RetryBudgetSeconds { get; set; } = 8;

    /// <summary>
    /// EF Core's check that no context runs two operations at once (<c>EnableThreadSafetyChecks</c>); default: on in
    /// Development, off elsewhere. It turns such a bug into a clear exception while code is written and tested (the
    /// test suites run with it on), and costs every row read two AsyncLocal writes: 6–10 % of the CPU of a page of 50
    /// orders with their customers and items, 15 % of its allocations.
    /// </summary>
    public bool? ThreadSafetyChecks { get; set; }

    /// <summary>Apply pending migrations at start-up, default true; false when a <c>migrate</c> step runs first.</summary>
    public bool MigrateOnStartup { get; set; } = true;

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
}
