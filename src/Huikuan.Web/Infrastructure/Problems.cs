using System.Globalization;
using System.Text.Json;
using Huikuan.Web.Localization;
using Microsoft.AspNetCore.Localization;
using Huikuan.Domain;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.AspNetCore.Http.Metadata;
using Npgsql;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Turns exceptions into RFC 9457 problem details: broken rules name the field and the reason (422),
/// missing records are 404, conflicts and lost races are 409 with what to do next. Anything else is a
/// 500 whose details stay in the log.
/// </summary>
internal sealed class ProblemExceptionHandler(IProblemDetailsService problems, IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions> json, ILogger<ProblemExceptionHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        // The exception has left the localization middleware's scope, and with it the request's culture: ask the
        // feature that middleware left on the request.
        var culture = httpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.InvariantCulture;
        // The request record the body was read into, so that a value of the wrong kind is described by what it should be.
        // The exception handler has cleared the request's endpoint by now; its feature keeps it.
        var endpoint = httpContext.Features.Get<IExceptionHandlerFeature>()?.Endpoint ?? httpContext.GetEndpoint();
        var body = endpoint?.Metadata.GetMetadata<IAcceptsMetadata>()?.RequestType;
        var problem = ToProblem(exception, culture, body, json.Value.SerializerOptions);
        if (problem.Status >= 500 || Db.IsOverflow(exception))
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
    internal static ProblemDetails ToProblem(Exception exception, CultureInfo culture, Type? body = null, JsonSerializerOptions? json = null)
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
            BadHttpRequestException { InnerException: JsonException bad } => BadRequest(BadBody.Errors(bad, body, json, culture), "Problem.Title.BadBody", culture),
            BadHttpRequestException bad when BadBody.ParameterErrors(bad, culture) is { } errors => BadRequest(errors, "Problem.Title.BadRequest", culture),
            BadHttpRequestException bad => new ProblemDetails
            {
                Status = bad.StatusCode, Title = Text("Problem.Title.BadRequest"),
                Detail = bad.StatusCode switch
                {
                    StatusCodes.Status415UnsupportedMediaType => Text("Problem.JsonMediaType"),
                    StatusCodes.Status400BadRequest when bad.Message.Contains("no body was provided", StringComparison.Ordinal) => Text("Problem.NoBody"),
                    _ => chinese ? Text("Problem.BadRequest") : bad.Message,
                },
            },
            _ when Db.IsOverflow(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status422UnprocessableEntity, Title = Text("Problem.Title.Rule"), Detail = Text("Problem.Overflow"),
                Type = "https://huikuan.dev/problems/overflow",
            },
            _ when Db.IsTransient(exception) => new ProblemDetails
            {
                Status = StatusCodes.Status409Conflict, Title = Text("Problem.Title.Busy"), Detail = Text("Problem.Busy"),
                Type = "https://huikuan.dev/problems/concurrency",
            },
            _ => new ProblemDetails { Status = StatusCodes.Status500InternalServerError, Title = Text("Problem.Title.Unexpected") },
        };
    }

    /// <summary>
    /// Problems the framework writes without an exception (through the status code pages): a body sent as something
    /// other than JSON is answered 415 before any handler runs, so it is said here, in the request's language.
    /// </summary>
    internal static void Customize(ProblemDetailsContext context)
    {
        if (context.ProblemDetails.Status == StatusCodes.Status415UnsupportedMediaType && context.ProblemDetails.Detail is null)
        {
            var culture = context.HttpContext.Features.Get<IRequestCultureFeature>()?.RequestCulture.UICulture ?? CultureInfo.InvariantCulture;
            context.ProblemDetails.Title = RuleMessages.Get("Problem.Title.BadRequest", culture);
            context.ProblemDetails.Detail = RuleMessages.Get("Problem.JsonMediaType", culture);
        }
    }

    /// <summary>A 400 that names each field the request got wrong, and says it again in the detail for readers of the detail only.</summary>
    private static ValidationProblemDetails BadRequest(Dictionary<string, string[]> errors, string title, CultureInfo culture) =>
        new(errors)
        {
            Status = StatusCodes.Status400BadRequest, Title = RuleMessages.Get(title, culture),
            Detail = string.Join(" ", errors.Select(e => $"{e.Key}{(Cultures.IsChinese(culture) ? "：" : ": ")}{string.Join(" ", e.Value)}")),
            Type = "https://huikuan.dev/problems/bad-request",
        };
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

    /// <summary>
    /// A sum the database could not hold (SQLite's "integer overflow", PostgreSQL's numeric out of range). The amount
    /// limits keep every realistic sum far inside 64 bits; this says so clearly should one be exceeded anyway.
    /// </summary>
    public static bool IsOverflow(Exception e) => Inner(e) switch
    {
        SqliteException s => s.SqliteErrorCode == 1 && s.Message.Contains("integer overflow", StringComparison.Ordinal),
        PostgresException p => p.SqlState == PostgresErrorCodes.NumericValueOutOfRange,
        OverflowException => true,
        _ => false,
    };

    private static Exception Inner(Exception e) => e is DbUpdateException { InnerException: { } inner } ? inner : e;
}
