namespace GraphApi.Tests.Ide;

/// <summary>A fact that needs the built IDE assets: skipped with a visible reason when they are missing.</summary>
internal sealed class RequiresIdeAssetsFactAttribute : FactAttribute
{
    public RequiresIdeAssetsFactAttribute() => Skip = IdeAssetsFolder.SkipReason;
}
