using GraphApi.Data;

namespace GraphApi.Cli;

/// <summary>
/// <c>migrate</c>: applies pending migrations to the configured database (same configuration as the server) and
/// exits 0, without starting the web server; running it again is a no-op. Exits 1 when the database cannot be migrated.
/// </summary>
internal static class MigrateCli
{
    public const int Success = 0;
    public const int Failed = 1;

    /// <summary>True when the command line asks for this verb (its first word is <c>migrate</c>).</summary>
    public static bool Handles(string[] args) => args is ["migrate", ..];

    /// <param name="args">The full command line, starting with <c>migrate</c>; the rest is configuration (e.g. --Database:Provider=Postgres).</param>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        try
        {
            var builder = WebApplication.CreateBuilder(args[1..]);
            builder.Services.AddAppData(builder.Configuration, builder.Environment);
            await using var app = builder.Build();
            await app.Services.MigrateDatabaseAsync();
            output.WriteLine("Migrations applied.");
            return Success;
        }
        catch (Exception failure) when (failure is not OutOfMemoryException)
        {
            // The operator's to fix (unreachable server, wrong credentials, bad provider): say what, no stack trace.
            error.WriteLine($"GraphApi migrate failed: {failure.GetBaseException().Message}");
            return Failed;
        }
    }
}
