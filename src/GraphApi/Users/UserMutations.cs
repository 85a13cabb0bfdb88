using GraphApi.Users;
using GraphQL;

namespace GraphApi.Schema;

internal sealed partial class MutationResolvers
{
    public Task<RegisterUserPayload> RegisterUser(
        RegisterUserInput input, [FromServices] AccountService accounts, CancellationToken cancellationToken) =>
        accounts.RegisterAsync(input, cancellationToken);

    public Task<LoginPayload> Login(
        LoginInput input, [FromServices] AccountService accounts, CancellationToken cancellationToken) =>
        accounts.LoginAsync(input, cancellationToken);
}
