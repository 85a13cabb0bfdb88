using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data;

/// <summary>The SQLite flavour; its migrations live in Data/Migrations/Sqlite.</summary>
internal sealed class SqliteAppDbContext(DbContextOptions<SqliteAppDbContext> options, TimeProvider clock)
    : AppDbContext(options, clock);
