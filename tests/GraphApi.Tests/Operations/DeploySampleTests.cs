using System.Reflection;
using GraphApi.Auth;
using GraphApi.Auth.PasswordHashing;
using GraphApi.Auth.RateLimiting;
using GraphApi.Data;
using GraphApi.Data.Resilience;
using GraphApi.Data.Seeding;
using GraphApi.Telemetry;
using GraphApi.Tests.Cli;
using GraphApi.Users.AdminBootstrap;
using YamlDotNet.RepresentationModel;

namespace GraphApi.Tests.Operations;

/// <summary>
/// No Docker engine runs here, so the deployment sample is checked for what can go wrong without one: every
/// environment variable a GraphApi container gets must be a setting the app really reads (a typo would be ignored
/// silently at run time).
/// </summary>
public sealed class DeploySampleTests
{
    private static readonly string ComposeFile = RepositoryRoot.Combine("samples", "deploy", "compose.yaml");

    /// <summary>Sections bound to options classes: a key is real when it names a property (nested ones too).</summary>
    private static readonly Dictionary<string, Type> BoundSections = new(StringComparer.OrdinalIgnoreCase)
    {
        [DatabaseOptions.SectionName] = typeof(DatabaseOptions),
        [TelemetryOptions.SectionName] = typeof(TelemetryOptions),
        [JwtOptions.SectionName] = typeof(JwtOptions),
        [AdminAccountOptions.SectionName] = typeof(AdminAccountOptions),
        [SeedOptions.SectionName] = typeof(SeedOptions),
        [Argon2Options.SectionName] = typeof(Argon2Options),
        [LoginRateLimitOptions.SectionName] = typeof(LoginRateLimitOptions),
    };

    /// <summary>Keys the app reads one by one (not through an options class), and the host's own.</summary>
    private static readonly HashSet<string> SingleKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        DatabaseProviders.ProviderKey,
        "ConnectionStrings:" + DatabaseProviders.ConnectionStringName,
        "Redis:Configuration",
        "ASPNETCORE_ENVIRONMENT",
        "ASPNETCORE_URLS",
    };

    [Fact]
    public void Every_environment_key_of_a_graphapi_service_is_a_real_setting()
    {
        var services = GraphApiServices();
        Assert.Equal(["api1", "api2", "migrate"], services.Keys.Order());

        var unknown = services
            .SelectMany(service => service.Value.Select(key => (Service: service.Key, Key: key)))
            .Where(entry => !IsRealSetting(entry.Key.Replace("__", ":", StringComparison.Ordinal)))
            .Select(entry => $"{entry.Service}: {entry.Key}")
            .ToList();
        Assert.Empty(unknown);
    }

    [Theory]
    [InlineData("Database:MaxPoolSize", true)]
    [InlineData("Database:MaxPoolSizes", false)]
    [InlineData("Telemetry:Prometheus:Enabled", true)]
    [InlineData("Telemetry:Prometheus:Enable", false)]
    [InlineData("ForwardedHeaders:KnownProxies:0", true)]
    [InlineData("ForwardedHeaders:KnownProxy:0", false)]
    [InlineData("Redis:Configuration", true)]
    [InlineData("Redis:Config", false)]
    public void The_check_tells_real_settings_from_typos(string key, bool real) => Assert.Equal(real, IsRealSetting(key));

    [Fact]
    public void Two_instances_fit_the_servers_max_connections()
    {
        var compose = Load();
        var environment = (YamlMappingNode)Service(compose, "api1").Children[new YamlScalarNode("environment")];
        var poolSize = int.Parse(((YamlScalarNode)environment.Children[new YamlScalarNode("Database__MaxPoolSize")]).Value!,
            System.Globalization.CultureInfo.InvariantCulture);
        var command = (YamlSequenceNode)Service(compose, "postgres").Children[new YamlScalarNode("command")];
        var maxConnections = int.Parse(command.Children.OfType<YamlScalarNode>().Single(n => n.Value!.StartsWith("max_connections=", StringComparison.Ordinal))
            .Value!["max_connections=".Length..], System.Globalization.CultureInfo.InvariantCulture);

        // The formula the README gives: instances × pool + 5 for tools ≤ max_connections − 3 reserved.
        Assert.True(2 * poolSize + 5 <= maxConnections - 3, $"2 × {poolSize} + 5 > {maxConnections} − 3");
    }

    private static bool IsRealSetting(string key)
    {
        if (SingleKeys.Contains(key))
        {
            return true;
        }

        if (key.StartsWith(KnownProxies.SectionName + ":", StringComparison.OrdinalIgnoreCase))
        {
            return int.TryParse(key[(KnownProxies.SectionName.Length + 1)..], out _); // a list: one index per entry
        }

        foreach (var (section, type) in BoundSections)
        {
            if (key.StartsWith(section + ":", StringComparison.OrdinalIgnoreCase))
            {
                return IsProperty(type, key[(section.Length + 1)..].Split(':'));
            }
        }

        return false;
    }

    private static bool IsProperty(Type type, string[] path)
    {
        var property = type.GetProperty(path[0], BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase);
        return property is { CanWrite: true } && (path.Length == 1 || IsProperty(property.PropertyType, path[1..]));
    }

    /// <summary>The services that run the GraphApi image, with their environment keys.</summary>
    private static Dictionary<string, List<string>> GraphApiServices()
    {
        var compose = Load();
        var services = (YamlMappingNode)compose.Children[new YamlScalarNode("services")];
        var result = new Dictionary<string, List<string>>();
        foreach (var (name, node) in services.Children)
        {
            var service = (YamlMappingNode)node;
            var runsGraphApi = service.Children.TryGetValue(new YamlScalarNode("image"), out var image)
                && ((YamlScalarNode)image).Value!.StartsWith("graphapi", StringComparison.Ordinal);
            if (runsGraphApi)
            {
                var environment = (YamlMappingNode)service.Children[new YamlScalarNode("environment")];
                result[((YamlScalarNode)name).Value!] = environment.Children.Keys.Select(k => ((YamlScalarNode)k).Value!).ToList();
            }
        }

        return result;
    }

    private static YamlMappingNode Service(YamlMappingNode compose, string name) =>
        (YamlMappingNode)((YamlMappingNode)compose.Children[new YamlScalarNode("services")]).Children[new YamlScalarNode(name)];

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(ComposeFile);
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents[0].RootNode;
    }
}
