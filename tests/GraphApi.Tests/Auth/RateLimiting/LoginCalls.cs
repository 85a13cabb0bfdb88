using System.Net.Http.Json;
using GraphApi.Tests.Hosting;
using GraphApi.Tests.Users;

namespace GraphApi.Tests.Auth.RateLimiting;

/// <summary>login / registerUser calls from a chosen client address (and X-Forwarded-For), answered raw.</summary>
internal static class LoginCalls
{
    public static Task<GraphQLResponse> LoginAsync(
        this HttpClient http, string usernameOrEmail, string password, string? from = null, string? forwardedFor = null) =>
        PostAsync(http, AccountRequests.Login, new { input = new { usernameOrEmail, password } }, from, forwardedFor);

    /// <summary>A registration that fails validation (a 3-character password): counted, but hashes nothing.</summary>
    public static Task<GraphQLResponse> InvalidRegistrationAsync(this HttpClient http, string? from = null, string? forwardedFor = null) =>
        PostAsync(http, AccountRequests.RegisterUser,
            new { input = new { username = "someone", email = "someone@example.com", password = "abc" } }, from, forwardedFor);

    public static async Task<GraphQLResponse> PostAsync(
        HttpClient http, string query, object variables, string? from = null, string? forwardedFor = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/graphql")
        {
            Content = JsonContent.Create(new { query, variables }),
        };
        request.Headers.Accept.ParseAdd("application/graphql-response+json");
        if (from is not null)
        {
            request.Headers.Add(TestClientAddress.Header, from);
        }

        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        using var response = await http.SendAsync(request);
        return new GraphQLResponse(response.StatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>True when the answer is the rate limit's: one RATE_LIMITED error.</summary>
    public static bool IsRateLimited(this GraphQLResponse response) =>
        response.ErrorCodes.SequenceEqual(["RATE_LIMITED"]);

    public static int RetryAfter(this GraphQLResponse response) =>
        response.Errors.Single()!["extensions"]!["retryAfter"]!.GetValue<int>();
}
