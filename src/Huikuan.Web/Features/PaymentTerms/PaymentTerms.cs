using Huikuan.Domain.Access;
using Huikuan.Domain;
using Huikuan.Domain.Money;
using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Infrastructure;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.PaymentTerms;

public sealed record TermLineDto(decimal Percent, int Days, bool EndOfMonth = false, int Months = 0);

public sealed record CreatePaymentTerm(string Code, string Name, IReadOnlyList<TermLineDto> Lines);

public sealed record PaymentTermView(Guid Id, string Code, string Name, IReadOnlyList<TermLineDto> Lines);

public sealed record SchedulePreviewRequest(DateOnly InvoiceDate, decimal Total, string Currency, IReadOnlyList<TermLineDto>? Lines, Guid? PaymentTermId);

public sealed record ScheduledInstallmentView(int Sequence, DateOnly DueDate, decimal Amount);

/// <summary>Payment-term templates: net N days, N days after month end (月结), or installments by percentage.</summary>
public sealed class PaymentTermHandler(HuikuanDbContext db, Scope scope)
{
    public async Task<PaymentTermView> CreateAsync(CreatePaymentTerm request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var code = CompanyHandler.Required(request.Code, "code", 32);
        var lines = ToDomain(request.Lines);
        if (await db.PaymentTerms.AnyAsync(t => t.CompanyId == scope.CompanyId && t.Code == code, ct))
        {
            throw new ConflictException("paymentTerm.duplicate", $"A payment term with code '{code}' exists already.", code);
        }
        var id = Ids.New();
        var template = new PaymentTermTemplate
        {
            CompanyId = scope.CompanyId, Id = id, Code = code, Name = CompanyHandler.Required(request.Name, "name", 200),
            Lines = lines.Select((l, i) => new PaymentTermTemplateLine
            {
                CompanyId = scope.CompanyId, PaymentTermId = id, Sequence = i + 1, Percent = l.Percent, Days = l.Days, Months = l.Months, EndOfMonth = l.EndOfMonth,
            }).ToList(),
        };
        db.PaymentTerms.Add(template);
        await db.SaveChangesAsync(ct);
        return View(template);
    }

    public async Task<IReadOnlyList<PaymentTermView>> ListAsync(CancellationToken ct) =>
        (await db.PaymentTerms.AsNoTracking().Include(t => t.Lines).Where(t => t.CompanyId == scope.CompanyId).OrderBy(t => t.Code).ToListAsync(ct))
        .Select(View).ToList();

    public async Task<PaymentTerm> LoadAsync(Guid id, string field, CancellationToken ct)
    {
        var template = await db.PaymentTerms.AsNoTracking().Include(t => t.Lines)
            .SingleOrDefaultAsync(t => t.CompanyId == scope.CompanyId && t.Id == id, ct)
            ?? throw new DomainRuleException("paymentTerm.unknown", field, "No such payment term in this company.");
        return template.ToDomain();
    }

    /// <summary>The installments a term would produce, for the invoice form's preview.</summary>
    public async Task<IReadOnlyList<ScheduledInstallmentView>> PreviewAsync(SchedulePreviewRequest request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        BusinessDates.Require(request.InvoiceDate, "invoiceDate");
        var currency = Currency.Of(request.Currency);
        var term = request.PaymentTermId is { } id ? await LoadAsync(id, "paymentTermId", ct) : new PaymentTerm(ToDomain(request.Lines));
        return term.Schedule(request.InvoiceDate, currency.ToMinor(request.Total, "total"))
            .Select(s => new ScheduledInstallmentView(s.Sequence, s.DueDate, currency.ToMajor(s.AmountMinor)))
            .ToList();
    }

    private static PaymentTermLine[] ToDomain(IReadOnlyList<TermLineDto>? lines)
    {
        var domain = (lines ?? []).Select(l => new PaymentTermLine(l.Percent, l.Days, l.EndOfMonth, l.Months)).ToArray();
        PaymentTerm.Validate(domain);
        return domain;
    }

    private static PaymentTermView View(PaymentTermTemplate t) =>
        new(t.Id, t.Code, t.Name, t.Lines.OrderBy(l => l.Sequence).Select(l => new TermLineDto(l.Percent, l.Days, l.EndOfMonth, l.Months)).ToList());
}

public static class PaymentTermsEndpoints
{
    public static void MapPaymentTerms(this RouteGroupBuilder api)
    {
        var group = api.MapGroup("/payment-terms").WithTags("Payment terms");
        group.MapGet("/", async (PaymentTermHandler handler, CancellationToken ct) => TypedResults.Ok(await handler.ListAsync(ct)));
        group.MapPost("/", async Task<Created<PaymentTermView>> (CreatePaymentTerm request, PaymentTermHandler handler, CancellationToken ct) =>
        {
            var term = await handler.CreateAsync(request, ct);
            return TypedResults.Created($"/api/payment-terms/{term.Id}", term);
        });
        group.MapPost("/preview", async (SchedulePreviewRequest request, PaymentTermHandler handler, CancellationToken ct) =>
            TypedResults.Ok(await handler.PreviewAsync(request, ct)));
    }
}
