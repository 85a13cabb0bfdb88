namespace GraphApi.Tests.Infrastructure;

/// <summary>
/// A fact that needs the PostgreSQL server binaries: skipped with a visible reason when they are missing,
/// unless GRAPHAPI_REQUIRE_EXTERNAL=1, where it runs and fails instead.
/// </summary>
internal sealed class RequiresPostgresFactAttribute : FactAttribute
{
    public RequiresPostgresFactAttribute()
    {
        if (PostgresBinaries.Directory is null && !PostgresBinaries.Required)
        {
            Skip = "PostgreSQL server binaries not found under /usr/lib/postgresql/*/bin "
                + $"(set {PostgresBinaries.RequireExternalVariable}=1 to make this a failure).";
        }
    }
}
