namespace GraphApi.Server.Ide;

/// <summary>Options of the Banana Cake Pop IDE served to browsers on the GraphQL path.</summary>
public sealed class IdeOptions
{
    /// <summary>
    /// Whether browsers get the IDE. Default: true, in every environment (as Hot Chocolate does); set
    /// <c>GraphQL:Ide:Enabled=false</c> to switch it off.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The folder holding the IDE's prebuilt files (its <c>index.html</c>, <c>static/</c> and <c>LICENSE</c>).
    /// Default: the <c>ide</c> folder beside the application's binaries.
    /// </summary>
    public string AssetsDirectory { get; set; } = System.IO.Path.Combine(AppContext.BaseDirectory, "ide");
}
