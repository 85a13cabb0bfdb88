using System.Security.Claims;
using GraphApi.Server;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Execution;
using GraphApi.Server.Schema;
using GraphQL;
using GraphQL.Transport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace GraphApi.Benchmarks.Shop;

/// <summary>
/// The shop schema composed exactly as the app composes its own (<c>services.AddGraphQLServer(...)</c>), executed
/// through the runtime's <see cref="IGraphQLExecutor"/> with a DI scope per request, as the HTTP transport does.
/// </summary>
internal sealed class ShopHost : IDisposable
{
    private static readonly ClaimsPrincipal Anonymous = new(new ClaimsIdentity());

    private readonly IHost _host;
    private readonly IGraphQLExecutor _executor;

    private ShopHost(IHost host)
    {
        _host = host;
        _executor = host.Services.GetRequiredService<IGraphQLExecutor>();
    }

    public IServiceProvider Services => _host.Services;

    public StatementCounter Statements => _host.Services.GetRequiredService<StatementCounter>();

    /// <param name="database">The SQLite file to serve.</param>
    /// <param name="resolution">How orders' children are resolved.</param>
    /// <param name="configure">More server features (e.g. persisted operations); none by default.</param>
    public static ShopHost Start(ShopDatabase database, ShopResolution resolution, Action<GraphQLServerBuilder>? configure = null)
    {
        var builder = Host.CreateApplicationBuilder(
            new HostApplicationBuilderSettings { EnvironmentName = Environments.Production, DisableDefaults = true });
        var services = builder.Services;
        var statements = new StatementCounter();
        services.AddSingleton(statements);
        services.AddPooledDbContextFactory<ShopDbContext>(options => options.UseSqlite(database.ConnectionString).AddInterceptors(statements));
        services.AddScoped(provider => provider.GetRequiredService<IDbContextFactory<ShopDbContext>>().CreateDbContext());
        services.AddQueryableMapping<Product>(mapping => mapping.Key(p => p.Id));
        services.AddQueryableMapping<Order>(mapping => mapping.Key(o => o.Id));
        services.AddDataLoader<CustomerByIdLoader>().AddDataLoader<ProductByIdLoader>().AddDataLoader<ItemsByOrderLoader>();
        var server = services.AddGraphQLServer().ConfigureSchema(schema => Bind(schema, database.SchemaDirectory, resolution));
        configure?.Invoke(server);
        return new ShopHost(builder.Build());
    }

    private static void Bind(SchemaFirstOptions schema, string schemaDirectory, ShopResolution resolution)
    {
        schema.SchemaDirectory = schemaDirectory;
        schema.AddResolvers<ShopQueryResolvers>()
            .MapObject<Customer>("Customer")
            .MapObject<Product>("Product")
            .MapObject<Order>("Order")
            .MapObject<OrderItem>("OrderItem");
        if (resolution == ShopResolution.Batched)
        {
            schema.AddResolvers<BatchedOrderResolvers>().AddResolvers<BatchedOrderItemResolvers>();
        }
        else
        {
            schema.AddResolvers<PerParentOrderResolvers>().AddResolvers<PerParentOrderItemResolvers>();
        }
    }

    public Task<ExecutionResult> ExecuteAsync(string query, Inputs? variables = null) =>
        ExecuteAsync(new GraphQLRequest { Query = query, Variables = variables });

    public async Task<ExecutionResult> ExecuteAsync(GraphQLRequest request)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await _executor.ExecuteAsync(new GraphQLExecutionRequest(request, Anonymous, scope.ServiceProvider), CancellationToken.None);
    }

    /// <summary>Runs <paramref name="query"/> once and throws when it errors: a benchmark must measure a working query.</summary>
    public async Task<ExecutionResult> ExecuteCheckedAsync(string query, Inputs? variables = null)
    {
        var result = await ExecuteAsync(query, variables);
        if (result.Errors is { Count: > 0 } errors)
        {
            throw new InvalidOperationException("Benchmark query failed: " + string.Join("; ", errors.Select(e => e.Message)));
        }

        return result;
    }

    public void Dispose() => _host.Dispose();
}
