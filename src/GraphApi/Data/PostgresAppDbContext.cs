using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data;

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options)
    : AppDbContext(options)
{
    /// <summary>
    /// Text columns use the "C" collation: ORDER BY, keyset comparisons and lower() then behave as on SQLite
    /// (code point order, ASCII-only case folding) whatever the server's default locale (often en_US, linguistic).
    /// </summary>
    public const string BinaryCollation = "C";

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        base.ConfigureConventions(configurationBuilder);
        configurationBuilder.Properties<string>().UseCollation(BinaryCollation);
    }
}
