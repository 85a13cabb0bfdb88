using System.Text.Json.Nodes;
using GraphApi.Tests.Hosting;

namespace GraphApi.Tests.Users;

/// <summary>The registerUser and login documents the account tests send, and readers for their payloads.</summary>
internal static class AccountRequests
{
    public const string RegisterUser = """
        mutation($input: RegisterUserInput!) {
          registerUser(input: $input) {
            user { id username role }
            errors {
              __typename
              ... on Error { message }
              ... on ValidationError { field }
              ... on UsernameTakenError { username }
              ... on EmailTakenError { email }
            }
          }
        }
        """;

    public const string Login = """
        mutation($input: LoginInput!) {
          login(input: $input) {
            token
            expiresAt
            user { username role }
            errors { __typename ... on Error { message } }
          }
        }
        """;

    public static async Task<JsonNode> RegisterAsync(this GraphQLTestClient client, string username, string email, string password)
    {
        var response = await client.PostAsync(RegisterUser, new { input = new { username, email, password } });
        response.AssertNoErrors();
        return response.Data!["registerUser"]!;
    }

    public static async Task<JsonNode> LoginAsync(this GraphQLTestClient client, string usernameOrEmail, string password)
    {
        var response = await client.PostAsync(Login, new { input = new { usernameOrEmail, password } });
        response.AssertNoErrors();
        return response.Data!["login"]!;
    }

    /// <summary>The errors of a payload as (typename, field-or-key) pairs, in answer order.</summary>
    public static IReadOnlyList<(string Type, string? Detail)> ErrorsOf(JsonNode payload) =>
        payload["errors"]?.AsArray().Select(e => (
            e!["__typename"]!.GetValue<string>(),
            (e["field"] ?? e["username"] ?? e["email"])?.GetValue<string>())).ToList()
        ?? [];
}
