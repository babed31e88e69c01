using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

public sealed record ChangeContractStatus(ContractStatus Status);

/// <summary>
/// Draft → active → completed, or cancelled from draft or active. A contract is completed once every stage is
/// invoiced, and cannot be cancelled while a reached stage still waits for its invoice.
/// </summary>
public sealed class ChangeContractStatusHandler(HuikuanDbContext db, Scope scope, ContractQueryHandler query)
{
    public async Task<ContractView> HandleAsync(Guid id, ChangeContractStatus request, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        await Transactions.RunAsync(db, async token =>
        {
            var contract = await db.Contracts.Include(c => c.Stages).SingleOrDefaultAsync(c => c.CompanyId == company && c.Id == id, token)
                ?? throw new NotFoundException("Contract", id);
            var allowed = (contract.Status, request.Status) switch
            {
                (ContractStatus.Draft, ContractStatus.Active) => true,
                (ContractStatus.Draft or ContractStatus.Active, ContractStatus.Cancelled) => true,
                (ContractStatus.Active, ContractStatus.Completed) => true,
                _ => false,
            };
            if (!allowed)
            {
                throw new DomainRuleException("contract.status", "status",
                    $"A {contract.Status} contract cannot become {request.Status}.", contract.Status.ToString(), request.Status.ToString());
            }
            if (request.Status == ContractStatus.Completed && contract.Stages.Any(s => s.InvoiceId is null))
            {
                throw new DomainRuleException("contract.completeOpenStages", "status", "Every stage must be invoiced before the contract is completed.");
            }
            if (request.Status == ContractStatus.Cancelled && contract.Stages.Any(s => s.ReachedOn is not null && s.InvoiceId is null))
            {
                throw new DomainRuleException("contract.cancelWithRequests", "status",
                    "A reached stage still waits for its invoice; invoice it before cancelling the contract.");
            }
            contract.Status = request.Status;
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
        return await query.GetAsync(id, ct);
    }
}
