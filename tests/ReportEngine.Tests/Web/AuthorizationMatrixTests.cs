using System.Net;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web;

/// <summary>
/// Every endpoint the app maps, read from its own EndpointDataSource (so a page or API endpoint added
/// tomorrow is in the matrix without a line here): anonymous gets the login page or 401, a role below the
/// endpoint's policy gets 403, its role and above get through. An endpoint with no policy fails.
/// </summary>
[Collection(WebGroup.Name)]
public sealed class AuthorizationMatrixTests(WebFixture fixture)
{
    /// <summary>The only endpoints anyone may call: logging in, choosing its language, and the health probe.</summary>
    private static readonly string[] Anonymous = ["/login", "/language", "/health"];

    [Fact]
    public async Task Every_endpoint_answers_each_role_as_its_policy_says()
    {
        await using var host = await ConsoleHost.StartAsync(fixture);
        var endpoints = Endpoints(host);
        Assert.Contains(endpoints, e => e.Path == "/users");
        var clients = new Dictionary<string, HttpClient> { ["anonymous"] = host.CreateClient() };
        var keys = new Dictionary<string, HttpClient>();
        foreach (var role in ConsoleRoles.All)
        {
            clients[role] = await host.LoginAsync(role);
            keys[role] = await BearerClient(host, role);
        }

        var failures = new List<string>();
        foreach (var endpoint in endpoints)
        {
            if (endpoint.Required is null)
            {
                if (!Anonymous.Contains(endpoint.Path, StringComparer.OrdinalIgnoreCase))
                {
                    failures.Add($"{endpoint}: no authorization policy (add the folder to PageFolders, or .RequireAuthorization(ConsolePolicies.X))");
                }

                continue;
            }

            await Expect(failures, endpoint, "anonymous", clients["anonymous"], allowed: false);
            foreach (var role in ConsoleRoles.All)
            {
                var allowed = ConsoleRoles.Includes(role, endpoint.Required);
                await Expect(failures, endpoint, role, clients[role], allowed);
                if (endpoint.IsApi)
                {
                    await Expect(failures, endpoint, "apikey:" + role, keys[role], allowed);
                }
            }
        }

        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    private static async Task Expect(List<string> failures, Endpoint endpoint, string who, HttpClient client, bool allowed)
    {
        using var request = new HttpRequestMessage(new HttpMethod(endpoint.Method), endpoint.Path);
        if (endpoint.Method != "GET")
        {
            // No antiforgery token: a caller who may post gets 400 from the page, never 401/403.
            request.Content = new FormUrlEncodedContent([]);
        }

        using var response = await client.SendAsync(request);
        var status = response.StatusCode;
        var toLogin = status == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/login", StringComparison.Ordinal) == true;
        string? wrong = null;
        if (who == "anonymous")
        {
            var isApi = endpoint.IsApi;
            if (isApi && (status != HttpStatusCode.Unauthorized || response.Content.Headers.ContentType?.MediaType != "application/problem+json"))
            {
                wrong = "expected 401 problem+json";
            }
            else if (!isApi && !toLogin)
            {
                wrong = "expected a redirect to /login";
            }
        }
        else if (!allowed && status != HttpStatusCode.Forbidden)
        {
            wrong = "expected 403";
        }
        else if (allowed && (status is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden || toLogin))
        {
            wrong = "expected to get through";
        }

        if (wrong is not null)
        {
            failures.Add($"{endpoint} as {who}: {(int)status}, {wrong}");
        }
    }

    private static async Task<HttpClient> BearerClient(ConsoleHost host, string role)
    {
        var (_, secret) = await host.Services.GetRequiredService<ConsoleApiKeys>().CreateAsync(role, "matrix-" + role, "test", null);
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", secret);
        return client;
    }

    /// <summary>Each endpoint and method, with route parameters filled in ("{id}" → 1); the least role its policies need, or null.</summary>
    private static List<Endpoint> Endpoints(ConsoleHost host)
    {
        var list = new List<Endpoint>();
        foreach (var endpoint in host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>())
        {
            var path = "/" + string.Join("/", endpoint.RoutePattern.PathSegments.Select(segment => string.Concat(segment.Parts.Select(part => part switch
            {
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternLiteralPart literal => literal.Content,
                Microsoft.AspNetCore.Routing.Patterns.RoutePatternParameterPart => "1",
                _ => "",
            }))));
            var anonymous = endpoint.Metadata.GetMetadata<IAllowAnonymous>() is not null;
            var policies = endpoint.Metadata.GetOrderedMetadata<IAuthorizeData>().Select(a => a.Policy).OfType<string>().Where(ConsoleRoles.IsKnown).ToList();
            var required = anonymous || policies.Count == 0 ? null : policies.OrderBy(p => ConsoleRoles.All.ToList().IndexOf(p)).Last();
            var methods = endpoint.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods
                ?? (IsPage(endpoint) ? ["GET", "POST"] : ["GET"]);
            list.AddRange(methods.Select(method => new Endpoint(method, path, required)));
        }

        return list;
    }

    private static bool IsPage(RouteEndpoint endpoint) => endpoint.Metadata.GetMetadata<CompiledPageActionDescriptor>() is not null;

    private sealed record Endpoint(string Method, string Path, string? Required)
    {
        public bool IsApi => Path.StartsWith("/api/", StringComparison.Ordinal) || Path.StartsWith("/openapi/", StringComparison.Ordinal);

        public override string ToString() => $"{Method} {Path} (needs {Required ?? "nothing"})";
    }
}
