using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace ReportEngine.Web.Api;

/// <summary>
/// Every error of /api as RFC 9457 (7807) problem details, `application/problem+json`: the refusals the
/// endpoints answer (400, 404, 415, 422), and, through <see cref="UseApiProblems"/>, what the framework answers
/// without a body (an unknown path, a wrong method) and unhandled faults (500, without their details).
/// 401 and 403 come from the authentication handlers (Web/Accounts/ConsoleProblems).
/// </summary>
public static partial class ApiProblems
{
    /// <summary>Problem details for /api's bodiless errors and faults; pages keep their own error handling.</summary>
    public static WebApplication UseApiProblems(this WebApplication app)
    {
        app.UseWhen(context => context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase), api =>
        {
            api.UseExceptionHandler();
            api.UseStatusCodePages();
        });
        return app;
    }

    /// <summary>400 with the command line's message; names the parameter (extension "parameter") when the message does.</summary>
    public static IResult Refused(string message, string? parameter = null)
    {
        parameter ??= ParameterNamed().Match(message) is { Success: true } match ? match.Groups[1].Value : null;
        return TypedResults.Problem(
            detail: message,
            statusCode: StatusCodes.Status400BadRequest,
            title: "The request was refused",
            extensions: parameter is null ? null : new Dictionary<string, object?> { ["parameter"] = parameter });
    }

    public static IResult NotFound(string message) =>
        TypedResults.Problem(detail: message, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>
    /// 422, as draft-ietf-httpapi-idempotency-key-header says for a key reused with a different payload: the
    /// request is well formed, but it is not the one the key stands for (nothing is queued).
    /// </summary>
    public static IResult IdempotencyKeyReused(string message) =>
        TypedResults.Problem(detail: message, statusCode: StatusCodes.Status422UnprocessableEntity, title: "Idempotency key reused for another request");

    public static IResult NotJson() =>
        TypedResults.Problem(
            detail: "Send the request as JSON, with `Content-Type: application/json`.",
            statusCode: StatusCodes.Status415UnsupportedMediaType,
            title: "Unsupported media type");

    // The CLI's messages name a parameter as: Parameter "year" of ..., needs the parameter "locality", has no parameter "x".
    [GeneratedRegex("[Pp]arameter \"([^\"]+)\"")]
    private static partial Regex ParameterNamed();
}
