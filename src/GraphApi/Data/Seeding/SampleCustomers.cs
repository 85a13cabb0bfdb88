namespace GraphApi.Data.Seeding;

/// <summary>The 20 sample customers (usernames are <c>first_last</c>, emails <c>first.last@example.com</c>).</summary>
internal static class SampleCustomers
{
    /// <summary>
    /// The password of every sample customer: log in as e.g. <c>alice_martin</c> / <c>Sample-Pass-2026</c>.
    /// Sample data is seeded only where Seed:SampleData is true (Development by default), never in Production.
    /// </summary>
    public const string Password = "Sample-Pass-2026";

    public static readonly IReadOnlyList<(string First, string Last)> Names =
    [
        ("alice", "martin"), ("bruno", "silva"), ("chloe", "dubois"), ("david", "kim"), ("elena", "rossi"),
        ("farid", "haddad"), ("grace", "okafor"), ("hugo", "schmidt"), ("ines", "garcia"), ("jonas", "berg"),
        ("keiko", "tanaka"), ("liam", "oconnor"), ("maya", "patel"), ("noah", "fischer"), ("olga", "ivanova"),
        ("pablo", "moreno"), ("quinn", "walker"), ("rosa", "lopez"), ("sven", "larsen"), ("tara", "nguyen"),
    ];
}
