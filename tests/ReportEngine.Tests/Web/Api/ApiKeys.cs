using System.Net.Http.Headers;
using Microsoft.Extensions.DependencyInjection;
using ReportEngine.Tests.Support;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Tests.Web.Api;

/// <summary>API keys as a script gets them: from the real `apikeys create` verb, whose last line is the key alone.</summary>
internal static class ApiKeys
{
    public static async Task<string> CreateWithCli(ConsoleHost host, string role, string name)
    {
        var cli = await CliRun.Invoke("apikeys", "create", "--role", role, "--name", name, "--db", host.Database);
        Assert.True(cli.ExitCode == 0, cli.Error);
        return cli.OutputLines[^1];
    }

    /// <summary>A key made by the service the verb calls (quicker where the verb itself is not what is tested).</summary>
    public static async Task<string> Create(ConsoleHost host, string role, string name) =>
        (await host.Services.GetRequiredService<ConsoleApiKeys>().CreateAsync(role, name, "test", null)).Secret;

    public static HttpClient Client(ConsoleHost host, string key)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }
}
