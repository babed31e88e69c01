using System.Text.Json;
using Huikuan.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Turns exceptions into RFC 9457 problem details: broken rules name the field and the reason (422),
/// missing records are 404, conflicts and lost races are 409 with what to do next. Anything else is a
/// 500 whose details stay in the log.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, ILogger<ProblemExceptionHandler> log) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        var problem = ToProblem(exception);
        if (problem.Status >= 500)
        {
            log.LogError(exception, "Unhandled error on {Path}", httpContext.Request.Path);
        }
        httpContext.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            ProblemDetails = problem,
            Exception = exception,
        });
    }

    internal static ProblemDetails ToProblem(Exception exception) => exception switch
    {
        ForbiddenException f => new ProblemDetails
        {
            Status = StatusCodes.Status403Forbidden, Title = "Forbidden", Detail = f.Message, Type = "https://huikuan.dev/problems/forbidden",
        },
        NotFoundException nf => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound, Title = "Not found", Detail = nf.Message, Type = "https://huikuan.dev/problems/not-found",
        },
        ConflictException c => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = "Conflict", Detail = c.Message, Type = "https://huikuan.dev/problems/" + c.Rule,
        },
        DomainRuleException rule => new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [rule.Field.Length == 0 ? "request" : rule.Field] = [rule.Message],
        })
        {
            Status = StatusCodes.Status422UnprocessableEntity, Title = "The request breaks a rule", Detail = rule.Message,
            Type = "https://huikuan.dev/problems/" + rule.Rule,
        },
        BadHttpRequestException { InnerException: JsonException json } => new ValidationProblemDetails(new Dictionary<string, string[]>
        {
            [FieldOf(json.Path)] = [json.Path is null or "$" ? "The body is not valid JSON." : "This value has the wrong type or format."],
        })
        {
            Status = StatusCodes.Status400BadRequest, Title = "The request body could not be read",
            Detail = json.Path is null or "$" ? "The body is not valid JSON." : $"'{FieldOf(json.Path)}' has the wrong type or format.",
        },
        BadHttpRequestException bad => new ProblemDetails
        {
            Status = bad.StatusCode, Title = "Bad request", Detail = bad.Message,
        },
        _ when Db.IsTransient(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = "Busy",
            Detail = "Another change to the same records was being saved at the same moment. Nothing was changed; please retry.",
            Type = "https://huikuan.dev/problems/concurrency",
        },
        _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = "Unexpected error" },
    };

    /// <summary>"$.lines[0].unitPrice" → "lines[0].unitPrice", the same names the rule errors use.</summary>
    private static string FieldOf(string? jsonPath) =>
        jsonPath is null or "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');
}

/// <summary>Recognises database errors by meaning, for both providers.</summary>
public static class Db
{
    public static bool IsUniqueViolation(Exception e) => Inner(e) switch
    {
        SqliteException s => s.SqliteErrorCode == 19 && s.SqliteExtendedErrorCode is 2067 or 1555,
        PostgresException p => p.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    /// <summary>Lost races that are safe to retry from the start: deadlocks, serialization failures, a busy SQLite file.</summary>
    public static bool IsTransient(Exception e) => Inner(e) switch
    {
        SqliteException s => s.SqliteErrorCode is 5 or 6,
        PostgresException p => p.SqlState is PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure
            or PostgresErrorCodes.LockNotAvailable,
        _ => false,
    };

    private static Exception Inner(Exception e) => e is DbUpdateException { InnerException: { } inner } ? inner : e;
}
