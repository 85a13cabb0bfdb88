using Microsoft.EntityFrameworkCore;

namespace GraphApi.Data;

/// <summary>The PostgreSQL flavour; its migrations live in Data/Migrations/Postgres.</summary>
internal sealed class PostgresAppDbContext(DbContextOptions<PostgresAppDbContext> options, TimeProvider clock)
    : AppDbContext(options, clock);
