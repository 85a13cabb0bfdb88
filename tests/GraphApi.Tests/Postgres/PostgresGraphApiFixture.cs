using GraphApi.Tests.Hosting;
using GraphApi.Tests.Infrastructure;

namespace GraphApi.Tests.Postgres;

/// <summary>
/// The application with <see cref="TestData"/> on its own database of the collection's PostgreSQL server, for one
/// test class. Without server binaries it stays empty: the [RequiresPostgresFact] tests are skipped then.
/// </summary>
public sealed class PostgresGraphApiFixture(PostgresServerFixture server)
    : GraphApiFixture(async () => GraphApiFactory.ForPostgres(await server.CreateDatabaseAsync()))
{
    public override Task InitializeAsync() =>
        PostgresBinaries.SkipReason is not null ? Task.CompletedTask : base.InitializeAsync();
}
