using System.Globalization;
using System.Text.Json;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Localization;
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
        // The exception has left the localization middleware's scope, and with it the request's culture: ask the
        // feature that middleware left on the request.
        var culture = httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.InvariantCulture;
        var problem = ToProblem(exception, culture);
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

    /// <summary>
    /// The problem for an exception, in the request's language: English says the domain's own words, which name
    /// the field and the values; Chinese says the rule's translation with the same values (RuleText.zh-CN.resx).
    /// </summary>
    internal static ProblemDetails ToProblem(Exception exception, CultureInfo culture)
    {
        var chinese = Cultures.IsChinese(culture);
        string Say(Exception e) => chinese ? RuleMessages.Of(e, culture) : e.Message;
        string Text(string key) => RuleMessages.Get(key, culture);
        return exception switch
        {
            ForbiddenException f => new ProblemDetails
            {
                Status = StatusCodes.Status403Forbidden, Title = Text("Problem.Title.Forbidden"), Detail = Say(f),
                Type = "https://huikuan.dev/problems/forbidden",
            },
            NotFoundException nf => new ProblemDetails
            {
                Status = StatusCodes.Status404NotFound, Title = Text("Problem.Title.NotFound"), Detail = Say(nf),
                Type = "https://huikuan.dev/problems/not-found",
            },
            ConflictException c => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = Text("Problem.Title.Conflict"), Detail = Say(c),
                Type = "https://huikuan.dev/problems/" + c.Rule,
            },
            DomainRuleException rule => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [rule.Field.Length == 0 ? "request" : rule.Field] = [Say(rule)],
            })
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = Text("Problem.Title.Rule"),
                Detail = chinese && rule.Field.Length > 0 ? $"{rule.Field}：{Say(rule)}" : Say(rule),
                Type = "https://huikuan.dev/problems/" + rule.Rule,
            },
            BadHttpRequestException { InnerException: JsonException json } => new ValidationProblemDetails(new Dictionary<string, string[]>
            {
                [FieldOf(json.Path)] = [json.Path is null or "$" ? Text("Problem.NotJson") : Text("Problem.WrongType")],
            })
            {
                Status = StatusCodes.Status400BadRequest, Title = Text("Problem.Title.BadBody"),
                Detail = json.Path is null or "$" ? Text("Problem.NotJson") : $"{FieldOf(json.Path)}: {Text("Problem.WrongType")}",
            },
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode, Title = Text("Problem.Title.BadRequest"), Detail = bad.Message,
            },
            _ when Db.IsTransient(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = Text("Problem.Title.Busy"), Detail = Text("Problem.Busy"),
                Type = "https://huikuan.dev/problems/concurrency",
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = Text("Problem.Title.Unexpected") },
        };
    }

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
