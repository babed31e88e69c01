using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Web.Data;
using Huikuan.Web.Features.Invoices;
using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Features.Contracts;

/// <summary>Turn a billing request (a reached, unbilled stage) into its invoice; dated today unless given.</summary>
public sealed record BillStage(DateOnly? InvoiceDate = null);

public sealed class BillStageHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, IssueInvoiceHandler issue)
{
    public async Task<InvoiceView> HandleAsync(Guid stageId, BillStage request, CancellationToken ct)
    {
        scope.Require(Permission.PostLedger);
        ArgumentNullException.ThrowIfNull(request);
        var date = BusinessDates.Optional(request.InvoiceDate, "invoiceDate") ?? clock.Today;
        return await ContractBilling.InvoiceStageAsync(db, issue, scope.CompanyId, stageId, date, ct);
    }
}
