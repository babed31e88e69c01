using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Dunning;

public sealed record BlockDunning(string Reason, Guid? InvoiceId = null, DateOnly? Until = null);

public sealed record DunningBlockView(
    Guid Id, Guid CustomerId, Guid? InvoiceId, string? InvoiceNumber, string Reason, DateOnly BlockedOn, DateOnly? Until, string BlockedBy,
    DateTimeOffset? ReleasedAt, string? ReleasedBy, bool Active);

/// <summary>
/// Manual blocks (R12): a collector or accountant leaves a customer, or one invoice, out of dunning (a negotiation
/// under way, a complaint not yet a dispute), with a reason and optionally until a day. Releasing keeps the row.
/// </summary>
public sealed class DunningBlocksHandler(HuikuanDbContext db, Scope scope, BusinessClock clock)
{
    public async Task<DunningBlockView> BlockAsync(Guid customerId, BlockDunning request, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(request);
        scope.Require(Permission.RunDunning);
        var company = scope.CompanyId;
        await CreditFile.CreditFileAccess.RequireCustomerAsync(db, company, customerId, ct);
        var reason = Companies.CompanyHandler.Optional(request.Reason, "reason", 500)
            ?? throw new DomainRuleException("dunningBlock.reason", "reason", "Say why dunning is blocked.");
        var today = Today;
        BusinessDates.Optional(request.Until, "until");
        if (request.Until is { } until && until < today)
        {
            throw new DomainRuleException("dunningBlock.until", "until", "A block lasts until today or a later day.");
        }
        if (request.InvoiceId is { } invoiceId
            && !await db.Invoices.AnyAsync(i => i.CompanyId == company && i.Id == invoiceId && i.CustomerId == customerId, ct))
        {
            throw new DomainRuleException("dunningBlock.invoice", "invoiceId", "That invoice is not this customer's.");
        }
        if (await db.DunningBlocks.AnyAsync(b => b.CompanyId == company && b.CustomerId == customerId && b.InvoiceId == request.InvoiceId
                && b.ReleasedAt == null && (b.Until == null || b.Until >= today), ct))
        {
            throw new ConflictException("dunningBlock.exists", "Dunning is blocked here already.");
        }
        var block = new DunningBlock
        {
            CompanyId = company, Id = Ids.New(), CustomerId = customerId, InvoiceId = request.InvoiceId, Reason = reason, BlockedOn = today,
            Until = request.Until, BlockedBy = scope.Actor,
        };
        db.DunningBlocks.Add(block);
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, company, [block], Today, ct))[0];
    }

    public async Task<DunningBlockView> ReleaseAsync(Guid id, CancellationToken ct)
    {
        scope.Require(Permission.RunDunning);
        var company = scope.CompanyId;
        var block = await db.DunningBlocks.SingleOrDefaultAsync(b => b.CompanyId == company && b.Id == id, ct) ?? throw new NotFoundException("DunningBlock", id);
        if (block.ReleasedAt is not null)
        {
            throw new ConflictException("dunningBlock.released", "This block was released already.");
        }
        block.ReleasedAt = clock.Now;
        block.ReleasedBy = scope.Actor;
        await db.SaveChangesAsync(ct);
        return (await ViewsAsync(db, company, [block], Today, ct))[0];
    }

    private DateOnly Today => clock.Today;

    internal static async Task<IReadOnlyList<DunningBlockView>> ViewsAsync(HuikuanDbContext db, Guid company, IReadOnlyList<DunningBlock> blocks, DateOnly today, CancellationToken ct)
    {
        var invoiceIds = blocks.Where(b => b.InvoiceId != null).Select(b => b.InvoiceId!.Value).Distinct().ToList();
        var numbers = await db.Invoices.AsNoTracking().Where(i => i.CompanyId == company && invoiceIds.Contains(i.Id))
            .ToDictionaryAsync(i => i.Id, i => i.Number, ct);
        return [.. blocks.Select(b => new DunningBlockView(b.Id, b.CustomerId, b.InvoiceId, b.InvoiceId is { } i ? numbers.GetValueOrDefault(i) : null,
            b.Reason, b.BlockedOn, b.Until, b.BlockedBy, b.ReleasedAt, b.ReleasedBy, b.ReleasedAt is null && (b.Until is null || b.Until >= today)))];
    }
}
