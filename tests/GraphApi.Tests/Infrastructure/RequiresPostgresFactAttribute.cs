namespace GraphApi.Tests.Infrastructure;

/// <summary>
/// A fact that needs the PostgreSQL server binaries: skipped with a visible reason when they are missing,
/// unless GRAPHAPI_REQUIRE_EXTERNAL=1, where it runs and fails instead.
/// </summary>
internal sealed class RequiresPostgresFactAttribute : FactAttribute
{
    public RequiresPostgresFactAttribute() => Skip = PostgresBinaries.SkipReason;
}
