using Microsoft.AspNetCore.Http;
using ReportEngine.Requests;

namespace ReportEngine.Web.Api;

/// <summary>
/// A request the shared services refuse (ReportEngineException: the command line's own message) answers
/// 400 problem details with that message; an idempotency key reused for another request answers 422.
/// Anything else is a fault of ours, left to the exception handler (500 problem details).
/// </summary>
internal sealed class RefusalsAsProblems : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (IdempotencyConflictException e)
        {
            return ApiProblems.IdempotencyKeyReused(e.Message);
        }
        catch (ReportEngineException e)
        {
            return ApiProblems.Refused(e.Message);
        }
    }
}
