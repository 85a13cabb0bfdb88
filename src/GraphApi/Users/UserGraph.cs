using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Schema;

namespace GraphApi.Users;

/// <summary>Binds the Users feature to the SDL (schema/users.graphql).</summary>
internal static class UserGraph
{
    public const string TypeName = "User";

    public static SchemaFirstOptions AddUsers(this SchemaFirstOptions schema) => schema
        .AddNode<User, int>(TypeName, u => u.Id, (context, id) =>
            context.RequestServices!.GetRequiredService<UserByIdLoader>().LoadAsync(id))
        .AddResolvers<UserResolvers>()
        .MapEnum<Role>("Role")
        .MapObject<RegisterUserPayload>("RegisterUserPayload")
        .MapObject<LoginPayload>("LoginPayload")
        .MapObject<UsernameTakenError>("UsernameTakenError")
        .MapObject<EmailTakenError>("EmailTakenError")
        .MapObject<InvalidCredentialsError>("InvalidCredentialsError");

    public static IServiceCollection AddUserServices(this IServiceCollection services) => services
        .AddDataLoader<UserByIdLoader>()
        .AddSingleton<DummyPasswordHash>()
        .AddScoped<AccountService>()
        .AddQueryableMapping<User>(m => m.Key(u => u.Id));
}
