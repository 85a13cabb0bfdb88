namespace GraphApi.Data.Seeding;

/// <summary>Bound from <c>Seed</c>.</summary>
internal sealed class SeedOptions
{
    public const string SectionName = "Seed";
    public const int MaxCount = 100_000;
    public const string InvalidCountsMessage = "Seed:Products and Seed:Customers must be 1–100000 and Seed:Orders 0–100000.";

    /// <summary>Fill an empty database with sample data. Default: true in Development, false elsewhere.</summary>
    public bool SampleData { get; set; }

    /// <summary>
    /// How many products the sample seed writes, default 50 (the catalogue); beyond 50 the catalogue repeats with a
    /// numbered name and SKU. Load runs use larger shapes.
    /// </summary>
    public int Products { get; set; } = 50;

    /// <summary>How many sample customers, default 20 (the named ones); beyond 20 the names repeat with a number.</summary>
    public int Customers { get; set; } = 20;

    /// <summary>How many sample orders, default 200.</summary>
    public int Orders { get; set; } = 200;

    public bool HasValidCounts =>
        Products is >= 1 and <= MaxCount && Customers is >= 1 and <= MaxCount && Orders is >= 0 and <= MaxCount;
}
