using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Contracts;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

/// <summary>A stage reached: the day (today when left out) and the evidence (an acceptance report, a go-live e-mail).</summary>
public sealed record MarkStageReached(DateOnly? ReachedOn = null, string? Evidence = null);

/// <summary>What marking a stage reached did: raised its invoice, or left a billing request for the accountants.</summary>
public sealed record StageReachedResult(ContractView Contract, Guid? InvoiceId, string? InvoiceNumber, bool BillingRequested);

/// <summary>
/// Marks a stage reached (R8). When the contract bills by invoice and the user may post, the invoice is raised at once
/// (its own transaction, through <see cref="IssueInvoiceHandler"/>); otherwise the reached stage is a billing request.
/// Should the invoice be refused, the stage stays reached and waits as a billing request, so nothing is lost.
/// </summary>
public sealed class MarkStageReachedHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, IssueInvoiceHandler issue, ContractQueryHandler query)
{
    public async Task<StageReachedResult> HandleAsync(Guid contractId, Guid stageId, MarkStageReached request, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var today = clock.Today;
        var reachedOn = BusinessDates.Optional(request.ReachedOn, "reachedOn") ?? today;
        var evidence = CompanyHandler.Optional(request.Evidence, "evidence", 2000);
        var mode = await Transactions.RunAsync(db, async token =>
        {
            var contract = await db.Contracts.Include(c => c.Stages).SingleOrDefaultAsync(c => c.CompanyId == company && c.Id == contractId, token)
                ?? throw new NotFoundException("Contract", contractId);
            var stage = contract.Stages.SingleOrDefault(s => s.Id == stageId) ?? throw new NotFoundException("ContractStage", stageId);
            if (contract.Status != ContractStatus.Active)
            {
                throw new DomainRuleException("contract.notActive", "status", "Only an active contract's stages can be reached.");
            }
            if (stage.ReachedOn is not null)
            {
                throw new ConflictException("contract.stageReached", "This stage has already been marked reached.");
            }
            if (reachedOn > today)
            {
                throw new DomainRuleException("contract.reachedInFuture", "reachedOn", "A stage cannot be reached in the future.");
            }
            if (reachedOn < contract.SignedOn)
            {
                throw new DomainRuleException("contract.reachedBeforeSigned", "reachedOn",
                    $"The contract was signed on {contract.SignedOn:yyyy-MM-dd}; a stage cannot be reached before.", contract.SignedOn.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture));
            }
            if (stage.Kind == StageKind.Retention)
            {
                // The retention falls due a warranty period after acceptance, so acceptance must be known first.
                var accepted = contract.Stages.Where(s => s.Kind == StageKind.Acceptance).Select(s => s.ReachedOn).FirstOrDefault();
                MilestonePlan.DueDate(stage.Kind, stage.DueDays, reachedOn, accepted, contract.WarrantyMonths);
            }
            stage.ReachedOn = reachedOn;
            stage.ReachedBy = scope.Actor;
            stage.Evidence = evidence;
            await db.SaveChangesAsync(token);
            return contract.BillingMode;
        }, ct);

        InvoiceView? invoice = null;
        if (mode == BillingMode.Invoice && scope.Role.Allows(Permission.PostLedger))
        {
            invoice = await ContractBilling.InvoiceStageAsync(db, issue, company, stageId, reachedOn, ct);
        }
        return new StageReachedResult(await query.GetAsync(contractId, ct), invoice?.Id, invoice?.Number, invoice is null);
    }
}
