using GraphApi.Data;
using GraphApi.Server;
using GraphApi.Server.Data;
using GraphApi.Server.DataLoading;
using GraphApi.Server.Schema;

namespace GraphApi.Users;

/// <summary>The Users feature: its SDL bindings (schema/users.graphql) and its services.</summary>
internal static class UserGraph
{
    public const string TypeName = "User";

    public static GraphQLServerBuilder AddUsers(this GraphQLServerBuilder builder)
    {
        builder.ConfigureSchema(Bind);
        builder.Services
            .AddDataLoader<EntityByIdLoader<User>>()
            .AddSingleton<DummyPasswordHash>()
            .AddScoped<AccountService>()
            .AddQueryableMapping<User>(m => m.Key(u => u.Id));
        return builder;
    }

    private static void Bind(SchemaFirstOptions schema) => schema
        .AddNode<User, int, EntityByIdLoader<User>>(TypeName, u => u.Id)
        .AddResolvers<UserResolvers>()
        .MapEnum<Role>("Role")
        .MapObject<RegisterUserPayload>("RegisterUserPayload")
        .MapObject<LoginPayload>("LoginPayload")
        .MapObject<UsernameTakenError>("UsernameTakenError")
        .MapObject<EmailTakenError>("EmailTakenError")
        .MapObject<InvalidCredentialsError>("InvalidCredentialsError");

}
