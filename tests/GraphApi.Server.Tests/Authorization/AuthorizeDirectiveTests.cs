using System.Security.Claims;
using GraphApi.Server.Authorization;
using GraphApi.Server.Schema;
using GraphQL;
using GraphQL.SystemTextJson;
using GraphQL.Types;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace GraphApi.Server.Tests.Authorization;

/// <summary>@authorize semantics on a domain-free schema: field level, object level, subscriptions, codes.</summary>
public sealed class AuthorizeDirectiveTests : IDisposable
{
    private const string Sdl = """
        directive @authorize(policy: String, roles: [String!]) repeatable on OBJECT | FIELD_DEFINITION
        type Query {
          open: String!
          signedIn: String @authorize
          adminOnly: String @authorize(roles: ["ADMIN"])
          both: String @authorize(roles: ["ADMIN", "AUDITOR"]) @authorize(policy: "EvenNumbers")
          notes: [Note]!
          note(id: Int!): Note
        }
        type Note @authorize(policy: "OwnNotes") { id: Int! owner: String! }
        type Subscription { ticks: Int! @authorize(roles: ["ADMIN"]) }
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("authorize-").FullName;
    private readonly ServiceProvider _services;
    private readonly ISchema _schema;

    public AuthorizeDirectiveTests()
    {
        File.WriteAllText(Path.Combine(_directory, "schema.graphql"), Sdl);
        var services = new ServiceCollection().AddLogging().AddScoped<QueryResolvers>().AddTransient<SubscriptionResolvers>();
        services.AddAuthorizationBuilder()
            .AddPolicy("OwnNotes", p => p.RequireAssertion(c => c.Resource is Note note && note.Owner == c.User.Identity?.Name))
            .AddPolicy("EvenNumbers", p => p.RequireAssertion(c => c.User.HasClaim("number", "2")));
        var options = new SchemaFirstOptions { SchemaDirectory = _directory }
            .AddResolvers<QueryResolvers>()
            .AddResolvers<SubscriptionResolvers>()
            .MapObject<Note>("Note");
        services.AddSingleton<IFieldResolverDecorator>(new AuthorizationDecorator(options.ObjectTypes));
        _services = services.BuildServiceProvider();
        _schema = SchemaFactory.Build(options, _services);
    }

    public void Dispose()
    {
        _services.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    public static TheoryData<string, string?, string, string> FieldCases => new()
    {
        // field, caller roles (null = anonymous), expected value, expected code
        { "signedIn", null, "null", "AUTH_NOT_AUTHENTICATED" },
        { "signedIn", "", "\"yes\"", "" },
        { "adminOnly", null, "null", "AUTH_NOT_AUTHENTICATED" },
        { "adminOnly", "CUSTOMER", "null", "AUTH_NOT_AUTHORIZED" },
        { "adminOnly", "ADMIN", "\"yes\"", "" },
        { "both", "AUDITOR", "null", "AUTH_NOT_AUTHORIZED" }, // role passes, policy fails
        { "both", "AUDITOR,number=2", "\"yes\"", "" },
    };

    [Theory]
    [MemberData(nameof(FieldCases))]
    public async Task Field_rules_null_the_field_with_one_error_and_siblings_resolve(
        string field, string? roles, string expected, string code)
    {
        var json = await ExecuteAsync($"{{ open {field} }}", User(roles));

        Assert.Contains($"\"open\":\"open\",\"{field}\":{expected}", json, StringComparison.Ordinal);
        Assert.Equal(code == "" ? 0 : 1, Count(json, "\"code\""));
        if (code != "")
        {
            Assert.Contains($"\"code\":\"{code}\"", json, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Object_rules_apply_to_every_object_reached_in_lists_and_single_fields()
    {
        var json = await ExecuteAsync("{ notes { id } note(id: 2) { id } }", User("", name: "ann"));

        Assert.Contains("\"notes\":[{\"id\":1},null,{\"id\":3}]", json, StringComparison.Ordinal);
        Assert.Contains("\"note\":null", json, StringComparison.Ordinal);
        Assert.Equal(2, Count(json, "\"code\":\"AUTH_NOT_AUTHORIZED\""));
        Assert.Contains("\"path\":[\"notes\",1]", json, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Subscription_rules_are_checked_when_the_subscription_starts()
    {
        var denied = await SubscribeAsync(User("CUSTOMER"));
        var allowed = await SubscribeAsync(User("ADMIN"));

        Assert.Null(denied.Streams);
        Assert.Equal("AUTH_NOT_AUTHORIZED", Assert.Single(denied.Errors!).Code);
        var stream = Assert.Single(allowed.Streams!).Value;
        var first = new TaskCompletionSource<ExecutionResult>();
        using var subscription = stream.Subscribe(new FirstObserver<ExecutionResult>(first));
        var json = new GraphQLSerializer().Serialize(await first.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.True(json.Contains("\"ticks\":1", StringComparison.Ordinal), json);
    }

    // Events run with the subscription's services, so they must outlive this call: the root provider does.
    private Task<ExecutionResult> SubscribeAsync(ClaimsPrincipal user) =>
        new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = _schema;
            o.Query = "subscription { ticks }";
            o.User = user;
            o.RequestServices = _services;
        });

    private async Task<string> ExecuteAsync(string query, ClaimsPrincipal user)
    {
        await using var scope = _services.CreateAsyncScope();
        var result = await new DocumentExecuter().ExecuteAsync(o =>
        {
            o.Schema = _schema;
            o.Query = query;
            o.User = user;
            o.RequestServices = scope.ServiceProvider;
        });
        return new GraphQLSerializer().Serialize(result);
    }

    private static ClaimsPrincipal User(string? roles, string name = "someone")
    {
        if (roles is null)
        {
            return new ClaimsPrincipal(new ClaimsIdentity());
        }

        var claims = new List<Claim> { new(ClaimTypes.Name, name) };
        foreach (var part in roles.Split(',', StringSplitOptions.RemoveEmptyEntries))
        {
            claims.Add(part.Contains('=') ? new Claim(part.Split('=')[0], part.Split('=')[1]) : new Claim(ClaimTypes.Role, part));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, "test"));
    }

    private static int Count(string text, string what) =>
        (text.Length - text.Replace(what, "", StringComparison.Ordinal).Length) / what.Length;

    internal sealed record Note(int Id, string Owner);

    [GraphQLMetadata("Query")]
    internal sealed class QueryResolvers
    {
        public string Open() => "open";

        public string SignedIn() => "yes";

        public string AdminOnly() => "yes";

        public string Both() => "yes";

        public Note[] Notes() => [new(1, "ann"), new(2, "bob"), new(3, "ann")];

        public Note Note(int id) => new(id, id == 2 ? "bob" : "ann");
    }

    [GraphQLMetadata("Subscription")]
    internal sealed class SubscriptionResolvers
    {
        [GraphQLMetadata("ticks", ResolverType = ResolverType.StreamResolver)]
        public IObservable<int> TicksStream() => new Ticks();

        [GraphQLMetadata("ticks")]
        public int Ticks([FromSource] int tick) => tick;
    }

    /// <summary>Emits 1, 2, 3 on subscribe, then completes.</summary>
    private sealed class Ticks : IObservable<int>
    {
        public IDisposable Subscribe(IObserver<int> observer)
        {
            for (var i = 1; i <= 3; i++)
            {
                observer.OnNext(i);
            }

            observer.OnCompleted();
            return new CancellationTokenSource();
        }
    }

    private sealed class FirstObserver<T>(TaskCompletionSource<T> first) : IObserver<T>
    {
        public void OnNext(T value) => first.TrySetResult(value);

        public void OnError(Exception error) => first.TrySetException(error);

        public void OnCompleted() => first.TrySetCanceled();
    }
}
