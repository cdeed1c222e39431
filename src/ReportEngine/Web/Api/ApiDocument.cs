using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;
using ReportEngine.Web.Accounts;

namespace ReportEngine.Web.Api;

/// <summary>
/// The OpenAPI document of /api/v1 at /openapi/v1.json, generated from the endpoints themselves (so it cannot
/// drift from them), with the bearer scheme API keys use and the least role of each operation.
/// It needs a viewer like any other endpoint: the API is for holders of a key, and so is its description.
/// </summary>
public static class ApiDocument
{
    public const string Name = "v1";
    public const string Path = "/openapi/v1.json";
    private const string Scheme = "apiKey";

    public static IServiceCollection AddApiDocument(this IServiceCollection services) =>
        services.AddOpenApi(Name, options =>
        {
            // The API only: pages and /health are not part of it.
            options.ShouldInclude = description => description.RelativePath?.StartsWith(ApiRoutes.Prefix[1..] + "/", StringComparison.Ordinal) == true;
            options.AddDocumentTransformer((document, _, _) =>
            {
                document.Info = new OpenApiInfo
                {
                    Title = "ReportEngine API",
                    Version = Name,
                    Description = "Queue reports and bursts, follow runs, download archived PDFs, list and retry deliveries. " +
                                  "Authenticate with `Authorization: Bearer <key>`; create a key with `ReportEngine apikeys create --role operator`. " +
                                  "Errors are problem details (application/problem+json).",
                };
                document.Components ??= new OpenApiComponents();
                document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
                document.Components.SecuritySchemes[Scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.Http,
                    Scheme = "bearer",
                    BearerFormat = "re_…",
                    Description = "An API key from `apikeys create --role viewer|operator|admin`, acting with that role.",
                };
                document.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(Scheme, document)] = [] }];
                return Task.CompletedTask;
            });
            options.AddOperationTransformer(async (operation, context, cancellation) =>
            {
                if (context.Description.ActionDescriptor.EndpointMetadata.OfType<JsonRequestBody>().FirstOrDefault() is { } body)
                {
                    operation.RequestBody = new OpenApiRequestBody
                    {
                        Required = true,
                        Content = new Dictionary<string, OpenApiMediaType>
                        {
                            ["application/json"] = new() { Schema = await context.GetOrCreateSchemaAsync(body.Type, null, cancellation) },
                        },
                    };
                }

                foreach (var header in context.Description.ActionDescriptor.EndpointMetadata.OfType<RequestHeader>())
                {
                    operation.Parameters ??= [];
                    operation.Parameters.Add(new OpenApiParameter
                    {
                        Name = header.Name,
                        In = ParameterLocation.Header,
                        Required = false,
                        Description = header.Description,
                        Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 200 },
                    });
                }

                var roles = context.Description.ActionDescriptor.EndpointMetadata.OfType<IAuthorizeData>()
                    .Select(a => a.Policy).OfType<string>().Where(ConsoleRoles.IsKnown).ToList();
                if (roles.Count > 0)
                {
                    var role = roles.OrderBy(r => ConsoleRoles.All.ToList().IndexOf(r)).Last();
                    operation.Description = (operation.Description is null ? "" : operation.Description + "\n\n") + $"Needs the role {role} (or above).";
                }
            });
        });

    /// <summary>A request header an endpoint reads itself (Idempotency-Key), for the document.</summary>
    public sealed record RequestHeader(string Name, string Description);

    /// <summary>The JSON body an endpoint reads itself, for the document (see RunsApi: why not Accepts()).</summary>
    public sealed record JsonRequestBody(Type Type);

    public static IEndpointRouteBuilder MapApiDocument(this IEndpointRouteBuilder app)
    {
        app.MapOpenApi(Path).RequireAuthorization(ConsolePolicies.Viewer);
        return app;
    }
}
