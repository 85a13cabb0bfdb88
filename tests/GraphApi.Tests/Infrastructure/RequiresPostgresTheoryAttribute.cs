namespace GraphApi.Tests.Infrastructure;

/// <summary>The theory form of <see cref="RequiresPostgresFactAttribute"/> (same skip rule).</summary>
internal sealed class RequiresPostgresTheoryAttribute : TheoryAttribute
{
    public RequiresPostgresTheoryAttribute() => Skip = PostgresBinaries.SkipReason;
}
