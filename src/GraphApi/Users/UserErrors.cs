namespace GraphApi.Users;

internal sealed record UsernameTakenError(string Message, string Username);

internal sealed record EmailTakenError(string Message, string Email);

internal sealed record InvalidCredentialsError(string Message);
