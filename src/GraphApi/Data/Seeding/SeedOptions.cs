namespace GraphApi.Data.Seeding;

/// <summary>Bound from <c>Seed</c>.</summary>
internal sealed class SeedOptions
{
    public const string SectionName = "Seed";

    /// <summary>Fill an empty database with sample data. Default: true in Development, false elsewhere.</summary>
    public bool SampleData { get; set; }
}
