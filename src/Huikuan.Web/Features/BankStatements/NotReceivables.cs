using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.BankStatements;

/// <summary>
/// Marks a statement line as not receivables (不属于应收: an outgoing payment, a transfer between own accounts, a fee, a
/// refund) so nobody tries to apply it, or takes the mark away again. A line applied to the ledger is refused either
/// way: its receipt is undone first. The change of status is in the audit trail with who and when.
/// </summary>
public sealed class NotReceivablesHandler(HuikuanDbContext db, Scope scope)
{
    public Task<BankStatementLineView> MarkAsync(Guid lineId, CancellationToken ct) => SetAsync(lineId, BankLineStatus.NotReceivables, ct);

    public Task<BankStatementLineView> UnmarkAsync(Guid lineId, CancellationToken ct) => SetAsync(lineId, BankLineStatus.Unmatched, ct);

    private async Task<BankStatementLineView> SetAsync(Guid lineId, BankLineStatus status, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        var line = await db.BankStatementLines.SingleOrDefaultAsync(l => l.CompanyId == scope.CompanyId && l.Id == lineId, ct)
                   ?? throw new NotFoundException("Bank statement line", lineId);
        if (line.Status == BankLineStatus.Applied)
        {
            throw new ConflictException("bankStatementLine.applied",
                "The line is applied to the ledger; undo its receipt first, then mark it.");
        }
        var unmarking = status == BankLineStatus.Unmatched;
        if (unmarking ? line.Status == BankLineStatus.NotReceivables : line.Status != BankLineStatus.NotReceivables)
        {
            line.Status = status;
            await db.SaveChangesAsync(ct);
        }
        return QueryBankStatementsHandler.LineView(line);
    }
}
