using GraphApi.Users;

namespace GraphApi.Schema;

internal sealed partial class MutationResolvers
{
    public RegisterUserPayload RegisterUser() => throw NotImplementedYet.Error("registerUser");

    public LoginPayload Login() => throw NotImplementedYet.Error("login");
}
