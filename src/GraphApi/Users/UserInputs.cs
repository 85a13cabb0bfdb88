namespace GraphApi.Users;

/// <summary>The SDL's <c>RegisterUserInput</c>; values arrive as typed (not yet trimmed).</summary>
internal sealed record RegisterUserInput(string Username, string Email, string Password);

/// <summary>The SDL's <c>LoginInput</c>; values arrive as typed (not yet trimmed).</summary>
internal sealed record LoginInput(string UsernameOrEmail, string Password);
