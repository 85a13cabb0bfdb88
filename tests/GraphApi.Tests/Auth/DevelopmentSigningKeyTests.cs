using System.Diagnostics;
using GraphApi.Auth;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting.Internal;

namespace GraphApi.Tests.Auth;

/// <summary>decisions.md "Tokens": outside Development the development signing key is refused at start-up.</summary>
public sealed class DevelopmentSigningKeyTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("graphapi-keys-").FullName;

    [Fact]
    public async Task Production_does_not_start_with_the_shipped_development_key()
    {
        var shippedKey = new ConfigurationBuilder()
            .AddJsonFile(RepositoryRoot.Combine("src", "GraphApi", "appsettings.Development.json"))
            .Build()["Jwt:SigningKey"]!;

        var run = await StartProgramAsync(shippedKey);

        Assert.Equal(1, run.ExitCode);
        Assert.Contains("GraphApi cannot start: Jwt:SigningKey is the development key", run.StdErr, StringComparison.Ordinal);
    }

    [Fact]
    public void The_built_in_default_is_refused_outside_Development_and_accepted_in_it()
    {
        var production = Assert.Throws<InvalidOperationException>(() => AddAuth("Production", JwtOptions.DevelopmentSigningKey));
        Assert.Contains("is the development key", production.Message, StringComparison.Ordinal);
        Assert.Contains("Staging", Assert.Throws<InvalidOperationException>(() => AddAuth("Staging", JwtOptions.DevelopmentSigningKey)).Message, StringComparison.Ordinal);

        AddAuth("Development", JwtOptions.DevelopmentSigningKey);
        AddAuth("Production", "a-real-secret-nobody-else-knows-0123456789");
    }

    [Fact]
    public void Whatever_key_the_development_settings_beside_the_app_hold_is_refused_too()
    {
        const string edited = "someone-edited-the-development-key-0123456789";
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.Development.json"), $$"""{ "Jwt": { "SigningKey": "{{edited}}" } }""");

        Assert.Throws<InvalidOperationException>(() => AddAuth("Production", edited));
        Assert.Throws<InvalidOperationException>(() => AddAuth("Production", $" {edited} "));
    }

    public void Dispose() => Directory.Delete(_contentRoot, recursive: true);

    private void AddAuth(string environment, string key)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Jwt:SigningKey"] = key })
            .Build();
        new ServiceCollection().AddAppAuth(
            configuration, new HostingEnvironment { EnvironmentName = environment, ContentRootPath = _contentRoot });
    }

    /// <summary>Runs the built application as an operator would, in Production with <paramref name="key"/>.</summary>
    private async Task<(int ExitCode, string StdErr)> StartProgramAsync(string key)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "GraphApi.dll"));
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        start.Environment["Jwt__SigningKey"] = key;
        start.Environment["ConnectionStrings__Database"] = $"Data Source={Path.Combine(_contentRoot, "app.db")}";
        using var process = Process.Start(start)!;
        var stdErr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true); // it started serving: the key was accepted
            await process.WaitForExitAsync();
        }

        return (process.ExitCode, await stdErr);
    }
}
