namespace GraphApi.Tests.Infrastructure;

/// <summary>Test classes in this collection share one PostgreSQL server.</summary>
[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServerFixture>
{
    public const string Name = "PostgreSQL server";
}
