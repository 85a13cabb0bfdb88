using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace GraphApi.Data;

/// <summary>
/// Recognises a unique-index violation on either provider, so the database, not a prior lookup, decides races
/// (two registrations of one username, two products of one SKU).
/// </summary>
internal static class UniqueViolation
{
    private const int SqliteConstraint = 19; // SQLITE_CONSTRAINT
    private const int SqliteConstraintUnique = 2067; // SQLITE_CONSTRAINT_UNIQUE

    public static bool Is(DbUpdateException exception) => exception.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique,
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>True when <paramref name="exception"/> violates this very single-column unique index.</summary>
    public static bool Of(DbUpdateException exception, IEntityType entity, IIndex index) => exception.InnerException switch
    {
        // PostgreSQL names the violated index.
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation
            && postgres.ConstraintName == index.GetDatabaseName(),

        // SQLite names the columns only: "UNIQUE constraint failed: Users.NormalizedUsername".
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique
            && sqlite.Message.Contains($": {entity.GetTableName()}.{ColumnName(entity, index)}'", StringComparison.Ordinal),

        _ => false,
    };

    private static string? ColumnName(IEntityType entity, IIndex index) =>
        index.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
}
