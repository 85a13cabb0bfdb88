using GraphApi;
using GraphApi.Data;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddGraphApi(builder.Configuration, builder.Environment);

var app = builder.Build();
await app.Services.InitializeDatabaseAsync();
app.UseGraphApi();
await app.RunAsync();

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
