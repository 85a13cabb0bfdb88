namespace GraphApi.Tests.Hosting;

/// <summary>
/// One application with <see cref="TestData"/> shared by a test class (tests only read): on SQLite by default;
/// subclasses choose another database through the factory they create, or add helpers for tests that write
/// (<see cref="Orders.OrderTestApp"/>).
/// </summary>
public class GraphApiFixture : IAsyncLifetime
{
    private readonly Func<Task<GraphApiFactory>> _createFactory;
    private GraphApiFactory? _factory;

    public GraphApiFixture()
        : this(() => Task.FromResult(new GraphApiFactory()))
    {
    }

    protected GraphApiFixture(Func<Task<GraphApiFactory>> createFactory) => _createFactory = createFactory;

    public GraphApiFactory Factory => _factory ?? throw new InvalidOperationException("The fixture is not initialized.");

    internal TestData Data { get; private set; } = null!;

    public virtual async Task InitializeAsync()
    {
        _factory = await _createFactory();
        _ = _factory.Server; // starts the host: migrations run
        Data = await _factory.WithDbAsync(TestData.SeedAsync);
    }

    public Task DisposeAsync()
    {
        _factory?.Dispose();
        return Task.CompletedTask;
    }

    public GraphQLTestClient Anonymous => Factory.Client();

    public GraphQLTestClient Admin => Factory.Client(Factory.TokenFor(Data.Admin));

    public GraphQLTestClient Alice => Factory.Client(Factory.TokenFor(Data.Alice));

    public GraphQLTestClient Bob => Factory.Client(Factory.TokenFor(Data.Bob));
}
