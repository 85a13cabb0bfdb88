namespace GraphApi.Data;

/// <summary>An entity whose CreatedAt/UpdatedAt are stamped by <see cref="AppDbContext"/> on save.</summary>
internal interface ITimestamped
{
    DateTime CreatedAt { get; set; }

    DateTime UpdatedAt { get; set; }
}
