using GraphApi.Tests.Infrastructure;

namespace GraphApi.Tests.Ide;

/// <summary>The IDE assets the build copies beside the test binaries (absent when npm was missing at build time).</summary>
internal static class IdeAssetsFolder
{
    public static string Path { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "ide");

    public static bool Exists => File.Exists(System.IO.Path.Combine(Path, "index.html"));

    /// <summary>Why IDE tests are skipped here, or null when they run (assets built, or required).</summary>
    public static string? SkipReason => !Exists && !PostgresBinaries.Required
        ? $"The IDE assets were not built into {Path} (npm missing at build time); "
            + $"set {PostgresBinaries.RequireExternalVariable}=1 to make this a failure."
        : null;
}
