using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using ReportEngine.Templates;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Api;

/// <summary>/api/v1/templates (viewer): what `templates list` and `templates show` print, as JSON.</summary>
public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var api = ApiRoutes.Group(app, "Templates");
        api.MapGet("/templates", (TemplateDescriptions templates) => TypedResults.Ok(templates.List().Select(TemplateResource.From).ToList()))
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithName("listTemplates")
            .WithSummary("The templates that load, with their parameters (type, default, range, description) and languages")
            .Produces<IReadOnlyList<TemplateResource>>();
        api.MapGet("/templates/{name}", Get)
            .RequireAuthorization(ConsolePolicies.Viewer)
            .WithName("getTemplate")
            .WithSummary("One template by name")
            .Produces<TemplateResource>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    /// <summary>Looked up among the listed templates: the name from the URL is compared, never used as a path.</summary>
    private static IResult Get(string name, TemplateDescriptions templates) =>
        templates.List().FirstOrDefault(t => string.Equals(t.Name, name, StringComparison.Ordinal)) is { } template
            ? TypedResults.Ok(TemplateResource.From(template))
            : ApiProblems.NotFound($"There is no template \"{name}\" (GET {ApiRoutes.Prefix}/templates lists them).");
}
