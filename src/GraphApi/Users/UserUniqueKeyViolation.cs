using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Npgsql;

namespace GraphApi.Users;

/// <summary>
/// Tells which unique index of <c>Users</c> a failed SaveChanges violated, so a registration that lost a race still
/// answers UsernameTakenError or EmailTakenError. Index and column names come from the EF model, not literals.
/// </summary>
internal static class UserUniqueKeyViolation
{
    private const int SqliteConstraint = 19;
    private const int SqliteConstraintUnique = 2067;

    public static UserUniqueKey? Find(DbUpdateException exception, IModel model)
    {
        var entity = model.FindEntityType(typeof(User))
            ?? throw new InvalidOperationException("The model has no User entity.");
        foreach (var (key, property) in new[]
                 {
                     (UserUniqueKey.Username, nameof(User.NormalizedUsername)),
                     (UserUniqueKey.Email, nameof(User.Email)),
                 })
        {
            var index = entity.GetIndexes().Single(i => i.IsUnique && i.Properties.Single().Name == property);
            if (Violates(exception.InnerException, entity, index))
            {
                return key;
            }
        }

        return null;
    }

    private static bool Violates(Exception? error, IEntityType entity, IIndex index) => error switch
    {
        // PostgreSQL names the violated index.
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation
            && postgres.ConstraintName == index.GetDatabaseName(),

        // SQLite names the columns only: "UNIQUE constraint failed: Users.NormalizedUsername".
        SqliteException sqlite => sqlite.SqliteErrorCode == SqliteConstraint
            && sqlite.SqliteExtendedErrorCode == SqliteConstraintUnique
            && sqlite.Message.Contains(
                $": {entity.GetTableName()}.{ColumnName(entity, index)}'", StringComparison.Ordinal),

        _ => false,
    };

    private static string? ColumnName(IEntityType entity, IIndex index) =>
        index.Properties.Single().GetColumnName(StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema()));
}
