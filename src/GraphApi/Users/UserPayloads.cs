namespace GraphApi.Users;

internal sealed record RegisterUserPayload(User? User, IReadOnlyList<object>? Errors);

internal sealed record LoginPayload(string? Token, DateTime? ExpiresAt, User? User, IReadOnlyList<object>? Errors);
