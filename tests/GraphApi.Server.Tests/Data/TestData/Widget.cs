namespace GraphApi.Server.Tests.Data.TestData;

/// <summary>Declared out of alphabetical order on purpose: sorting must follow declaration order.</summary>
public enum WidgetKind
{
    Small,
    Large,
    SpecialEdition,
}

public sealed class Widget
{
    public int Id { get; set; }

    public required string Name { get; set; }

    public decimal Price { get; set; }

    public int Stock { get; set; }

    public WidgetKind Kind { get; set; }

    public DateTime CreatedAt { get; set; }

    public int OwnerId { get; set; }

    public string? Description { get; set; }
}
