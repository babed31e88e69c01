using Huikuan.Domain;
using Huikuan.Domain.Contracts;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

/// <summary>What <see cref="IssueInvoiceHandler"/> asks of the contracts when an invoice is raised from one.</summary>
internal static class ContractBilling
{
    /// <summary>The contract an invoice carries: the stage's, or the one named; it must be the customer's, in the invoice's currency.</summary>
    public static async Task<Guid?> ContractForAsync(
        HuikuanDbContext db, Guid company, Guid customerId, string currency, Guid? contractId, Guid? stageId, CancellationToken ct)
    {
        if (stageId is { } sid)
        {
            var stage = await db.ContractStages.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == company && s.Id == sid, ct)
                ?? throw new DomainRuleException("contract.stage", "contractStageId", "No such contract stage in this company.");
            if (contractId is { } given && given != stage.ContractId)
            {
                throw new DomainRuleException("contract.stage", "contractStageId", "No such contract stage in this company.");
            }
            if (stage.ReachedOn is null)
            {
                throw new DomainRuleException("contract.stageNotReached", "contractStageId", "The stage has not been reached; mark it reached first.");
            }
            if (stage.InvoiceId is not null)
            {
                throw new ConflictException("contract.stageInvoiced", "This stage has already been invoiced.");
            }
            contractId = stage.ContractId;
        }
        if (contractId is not { } id)
        {
            return null;
        }
        var contract = await db.Contracts.AsNoTracking().Where(c => c.CompanyId == company && c.Id == id)
            .Select(c => new { c.CustomerId, c.Currency }).SingleOrDefaultAsync(ct);
        if (contract is null || contract.CustomerId != customerId)
        {
            throw new DomainRuleException("contract.customer", "contractId", "No such contract for this customer.");
        }
        if (contract.Currency != currency)
        {
            throw new DomainRuleException("contract.currency", "currency", $"The contract is in {contract.Currency}; invoice it in that currency.", contract.Currency);
        }
        return id;
    }

    /// <summary>
    /// Links the stage to its invoice in the invoice's transaction, once: a second invoice for the same stage (two
    /// accountants clicking at once) finds it taken and rolls back.
    /// </summary>
    public static async Task ClaimStageAsync(HuikuanDbContext db, Scope scope, BusinessClock clock, Guid stageId, Guid invoiceId, CancellationToken ct)
    {
        var company = scope.CompanyId;
        var claimed = await db.ContractStages
            .Where(s => s.CompanyId == company && s.Id == stageId && s.InvoiceId == null && s.ReachedOn != null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.InvoiceId, invoiceId), ct);
        if (claimed == 0)
        {
            throw new ConflictException("contract.stageInvoiced", "This stage has already been invoiced.");
        }
        AuditLog.Event(db, scope, clock, company, "contract.stageInvoiced", nameof(ContractStage), stageId.ToString(), new { invoiceId });
        await db.SaveChangesAsync(ct);
    }

    /// <summary>The invoice for a reached stage: one line, one installment due by the stage's rule, the contract's currency.</summary>
    public static async Task<InvoiceView> InvoiceStageAsync(
        HuikuanDbContext db, IssueInvoiceHandler issue, Guid company, Guid stageId, DateOnly invoiceDate, CancellationToken ct)
    {
        var stage = await db.ContractStages.AsNoTracking().SingleOrDefaultAsync(s => s.CompanyId == company && s.Id == stageId, ct)
            ?? throw new NotFoundException("ContractStage", stageId);
        var contract = await db.Contracts.AsNoTracking().Include(c => c.Stages)
            .SingleAsync(c => c.CompanyId == company && c.Id == stage.ContractId, ct);
        if (stage.ReachedOn is not { } reached)
        {
            throw new DomainRuleException("contract.stageNotReached", "stageId", "The stage has not been reached; mark it reached first.");
        }
        var accepted = contract.Stages.Where(s => s.Kind == StageKind.Acceptance).Select(s => s.ReachedOn).FirstOrDefault();
        var due = MilestonePlan.DueDate(stage.Kind, stage.DueDays, reached, accepted, contract.WarrantyMonths);
        if (due < invoiceDate)
        {
            due = invoiceDate;
        }
        var currency = Huikuan.Domain.Money.Currency.Of(contract.Currency);
        var amount = currency.ToMajor(stage.AmountMinor);
        return await issue.HandleAsync(new IssueInvoice(contract.CustomerId, invoiceDate,
            [new InvoiceLineDto($"{contract.Number} {contract.Title}: {stage.Name}", 1, amount)], Currency: contract.Currency,
            Installments: [new InstallmentDto(due, amount)], Reference: contract.Number,
            ContractId: contract.Id, ContractStageId: stage.Id), ct);
    }
}
