using System.Net;
using Microsoft.AspNetCore.Http;

namespace GraphApi.Server.Ide;

/// <summary>Prepares the package's <c>index.html</c> for serving at the GraphQL path itself.</summary>
internal static class IdePage
{
    /// <summary>
    /// Adds a <c>&lt;base&gt;</c> so the page's relative asset URLs (<c>static/js/...</c>) resolve under the
    /// GraphQL path even though the page is served at <c>/graphql</c>, without a trailing slash.
    /// </summary>
    public static string WithBase(string html, PathString graphQLPath)
    {
        var baseTag = $"<base href=\"{WebUtility.HtmlEncode(graphQLPath.Add("/").Value)}\"/>";
        var head = html.IndexOf("<head>", StringComparison.OrdinalIgnoreCase);
        if (head < 0)
        {
            throw new InvalidOperationException("The IDE's index.html has no <head> element.");
        }

        return html.Insert(head + "<head>".Length, baseTag);
    }
}
