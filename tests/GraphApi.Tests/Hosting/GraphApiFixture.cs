namespace GraphApi.Tests.Hosting;

/// <summary>One application with <see cref="TestData"/> shared by a test class (tests only read).</summary>
public sealed class GraphApiFixture : IAsyncLifetime
{
    public GraphApiFactory Factory { get; } = new();

    internal TestData Data { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _ = Factory.Server; // starts the host: migrations run
        Data = await Factory.WithDbAsync(TestData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        Factory.Dispose();
        return Task.CompletedTask;
    }

    public GraphQLTestClient Anonymous => Factory.Client();

    public GraphQLTestClient Admin => Factory.Client(Factory.TokenFor(Data.Admin));

    public GraphQLTestClient Alice => Factory.Client(Factory.TokenFor(Data.Alice));

    public GraphQLTestClient Bob => Factory.Client(Factory.TokenFor(Data.Bob));
}
