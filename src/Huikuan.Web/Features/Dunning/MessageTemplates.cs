using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Templates;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

/// <summary>A template as the editor shows it; <see cref="IsDefault"/> when nobody changed the built-in text.</summary>
public sealed record MessageTemplateView(string Purpose, string Language, string Subject, string Body, string Sms, bool IsDefault);

public sealed record SaveMessageTemplate(string Subject, string Body, string Sms);

/// <summary>
/// The texts of payment notices, pre-due reminders and each dunning level, per language, with merge fields
/// (<see cref="MergeTemplate"/>). Stored rows override <see cref="DefaultTemplates"/>; removing one restores the default.
/// </summary>
public sealed class MessageTemplatesHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, DunningPoliciesHandler policies)
{
    /// <summary>Every purpose the company's policy has (notice, reminder, each level) in both languages.</summary>
    public async Task<IReadOnlyList<MessageTemplateView>> ListAsync(CancellationToken ct)
    {
        var policy = await policies.PolicyAsync(ct);
        var purposes = new List<string> { DefaultTemplates.Notice, DefaultTemplates.Reminder };
        purposes.AddRange(policy.Policy.Levels.Select(l => DefaultTemplates.ForLevel(l.Code)));
        var stored = await StoredAsync(ct);
        return [.. from p in purposes from lang in DefaultTemplates.Languages select View(p, lang, stored)];
    }

    /// <summary>The text for one purpose and language, as the run renders it.</summary>
    public async Task<MessageText> TextAsync(string purpose, string language, CancellationToken ct)
    {
        var lang = DefaultTemplates.Languages.Contains(language, StringComparer.Ordinal) ? language : "zh-CN";
        var row = await db.MessageTemplates.AsNoTracking()
            .SingleOrDefaultAsync(t => t.CompanyId == scope.CompanyId && t.Purpose == purpose && t.Language == lang, ct);
        return row is null ? DefaultTemplates.For(purpose, lang) : new MessageText(row.Subject, row.Body, row.Sms);
    }

    /// <summary>All stored texts of the company, for a run that renders many messages.</summary>
    public async Task<Func<string, string, MessageText>> ResolverAsync(CancellationToken ct)
    {
        var stored = await StoredAsync(ct);
        return (purpose, language) =>
        {
            var lang = DefaultTemplates.Languages.Contains(language, StringComparer.Ordinal) ? language : "zh-CN";
            return stored.TryGetValue((purpose, lang), out var row) ? new MessageText(row.Subject, row.Body, row.Sms) : DefaultTemplates.For(purpose, lang);
        };
    }

    public async Task<MessageTemplateView> SaveAsync(string purpose, string language, SaveMessageTemplate request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.ManageDunning);
        await RequireKnownAsync(purpose, language, ct);
        if (string.IsNullOrWhiteSpace(request.Subject) || string.IsNullOrWhiteSpace(request.Body))
        {
            throw new DomainRuleException("template.required", "body", "A template needs a subject and a body.");
        }
        var subject = MergeTemplate.Parse(request.Subject.Trim(), "subject");
        var body = MergeTemplate.Parse(request.Body, "body");
        var sms = MergeTemplate.Parse(request.Sms ?? "", "sms");
        if (subject.Text.Length > 500 || sms.Text.Length > 500)
        {
            throw new DomainRuleException("template.shortLength", subject.Text.Length > 500 ? "subject" : "sms",
                "A subject and an SMS have at most 500 characters.", 500);
        }
        var company = scope.CompanyId;
        var row = await db.MessageTemplates.SingleOrDefaultAsync(t => t.CompanyId == company && t.Purpose == purpose && t.Language == language, ct);
        if (row is null)
        {
            row = new MessageTemplateRow { CompanyId = company, Purpose = purpose, Language = language, Subject = "", Body = "", Sms = "", UpdatedBy = "" };
            db.MessageTemplates.Add(row);
        }
        row.Subject = subject.Text;
        row.Body = body.Text;
        row.Sms = sms.Text;
        row.UpdatedAt = clock.Now;
        row.UpdatedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return View(purpose, language, await StoredAsync(ct));
    }

    /// <summary>Goes back to the built-in text.</summary>
    public async Task<MessageTemplateView> ResetAsync(string purpose, string language, CancellationToken ct)
    {
        scope.Require(Permission.ManageDunning);
        await RequireKnownAsync(purpose, language, ct);
        var row = await db.MessageTemplates.SingleOrDefaultAsync(t => t.CompanyId == scope.CompanyId && t.Purpose == purpose && t.Language == language, ct);
        if (row is not null)
        {
            db.MessageTemplates.Remove(row);
            await db.SaveChangesAsync(ct);
        }
        return View(purpose, language, []);
    }

    private async Task RequireKnownAsync(string purpose, string language, CancellationToken ct)
    {
        if (!DefaultTemplates.Languages.Contains(language, StringComparer.Ordinal))
        {
            throw new DomainRuleException("template.language", "language", $"Templates are written in {string.Join(" or ", DefaultTemplates.Languages)}.",
                string.Join(", ", DefaultTemplates.Languages));
        }
        var policy = await policies.PolicyAsync(ct);
        var known = purpose is DefaultTemplates.Notice or DefaultTemplates.Reminder
            || policy.Policy.Levels.Any(l => DefaultTemplates.ForLevel(l.Code) == purpose);
        if (!known)
        {
            throw new DomainRuleException("template.purpose", "purpose", $"'{purpose}' is not a notice, a reminder or a level of the policy.", purpose);
        }
    }

    private async Task<Dictionary<(string, string), MessageTemplateRow>> StoredAsync(CancellationToken ct) =>
        await db.MessageTemplates.AsNoTracking().Where(t => t.CompanyId == scope.CompanyId).ToDictionaryAsync(t => (t.Purpose, t.Language), ct);

    private static MessageTemplateView View(string purpose, string language, Dictionary<(string, string), MessageTemplateRow> stored)
    {
        if (stored.TryGetValue((purpose, language), out var row))
        {
            return new MessageTemplateView(purpose, language, row.Subject, row.Body, row.Sms, false);
        }
        var text = DefaultTemplates.For(purpose, language);
        return new MessageTemplateView(purpose, language, text.Subject, text.Body, text.Sms, true);
    }
}
