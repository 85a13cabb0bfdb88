using GraphApi;
using GraphApi.Cli;
using GraphApi.Data;
using GraphApi.Server.Schema;
using Microsoft.Extensions.Options;

if (SchemaCli.Handles(args))
{
    return SchemaCli.Run(args, Console.Out, Console.Error);
}

if (OperationsCli.Handles(args))
{
    return OperationsCli.Run(args, Console.Out, Console.Error);
}

if (MigrateCli.Handles(args))
{
    return await MigrateCli.RunAsync(args, Console.Out, Console.Error);
}

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Services.AddGraphApi(builder.Configuration, builder.Environment);

    var app = builder.Build();
    await app.Services.InitializeDatabaseAsync();
    app.UseGraphApi();
    await app.RunAsync();
    return 0;
}
catch (Exception error) when (error is InvalidOperationException or SchemaBindingException or OptionsValidationException)
{
    // Misconfiguration and schema drift are the operator's to fix: say what, without a stack trace.
    Console.Error.WriteLine($"GraphApi cannot start: {error.Message}");
    return 1;
}

/// <summary>Entry point; public so integration tests can host it.</summary>
public partial class Program;
