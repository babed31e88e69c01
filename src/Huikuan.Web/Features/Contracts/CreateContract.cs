using Huikuan.Domain;
using Huikuan.Domain.Access;
using Huikuan.Domain.Contracts;
using Huikuan.Domain.Ledger;
using Huikuan.Domain.Money;
using Huikuan.Domain.Terms;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Companies;
using Huikuan.Web.Features.Customers;
using Huikuan.Web.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace Huikuan.Web.Features.Contracts;

/// <summary>A payment stage as entered: a percent of the total or an exact amount, and the days to pay once reached.</summary>
public sealed record ContractStageInput(StageKind Kind, string Name, decimal? Percent = null, decimal? Amount = null, int DueDays = 0);

/// <summary>
/// A new contract with its stages and clauses. <see cref="Discount"/> is written "2/10 net 30"; the late interest is a
/// daily rate in percent (0.05) or a yearly one (<see cref="InterestYearlyRatePercent"/>, 10.5; simple, actual/365) with grace days; retention is the <see cref="StageKind.Retention"/> stage, due
/// <see cref="WarrantyMonths"/> after acceptance. A contract starts active unless <see cref="Draft"/>.
/// </summary>
public sealed record CreateContract(
    Guid CustomerId, string Title, DateOnly SignedOn, decimal Total, IReadOnlyList<ContractStageInput> Stages,
    string? Number = null, string? Currency = null, Guid? PaymentTermId = null, BillingMode BillingMode = BillingMode.Invoice,
    decimal? InterestDailyRatePercent = null, int? InterestGraceDays = null, string? Discount = null,
    IReadOnlyList<ReceiptMethod>? AcceptedMethods = null, int? WarrantyMonths = null, bool Draft = false,
    decimal? InterestYearlyRatePercent = null);

public sealed class CreateContractHandler(HuikuanDbContext db, Scope scope, BusinessClock clock, ContractQueryHandler query)
{
    public async Task<ContractView> HandleAsync(CreateContract request, CancellationToken ct)
    {
        scope.Require(Permission.EnterOrders);
        ArgumentNullException.ThrowIfNull(request);
        var company = scope.CompanyId;
        var customer = await CustomerLookup.RequireAsync(db, company, request.CustomerId, ct);
        var title = CompanyHandler.Required(request.Title, "title", 300);
        BusinessDates.Require(request.SignedOn, "signedOn");
        var currency = Currency.Of(request.Currency ?? customer.Currency);
        var total = currency.ToMinor(request.Total, "total");
        if (!Enum.IsDefined(request.BillingMode))
        {
            throw new DomainRuleException("contract.billingMode", "billingMode", "Unknown billing mode.");
        }
        var stages = request.Stages ?? [];
        var specs = stages.Select((s, i) => new StageSpec(s.Kind, s.Percent,
            s.Amount is { } a ? currency.ToMinor(a, $"stages[{i}].amount") : null, s.DueDays)).ToArray();
        if (stages.Any(s => !Enum.IsDefined(s.Kind)))
        {
            throw new DomainRuleException("contract.stageKind", "stages", "Unknown stage kind.");
        }
        var hasRetention = stages.Any(s => s.Kind == StageKind.Retention);
        var amounts = MilestonePlan.Amounts(total, specs, hasRetention ? request.WarrantyMonths : null, currency);
        var interest = Interest(request);
        var discount = string.IsNullOrWhiteSpace(request.Discount) ? null : EarlyPaymentDiscount.Parse(request.Discount);
        var methods = (request.AcceptedMethods ?? []).Distinct().ToArray();
        if (methods.Any(m => !Enum.IsDefined(m)))
        {
            throw new DomainRuleException("receipt.method", "acceptedMethods", "Unknown payment method.");
        }
        if (request.PaymentTermId is { } pt && !await db.PaymentTerms.AnyAsync(t => t.CompanyId == company && t.Id == pt, ct))
        {
            throw new DomainRuleException("customer.paymentTerm", "paymentTermId", "No such payment term in this company.");
        }

        var contractId = Ids.New();
        await Transactions.RunAsync(db, async token =>
        {
            var number = CompanyHandler.Optional(request.Number, "number", 64) ?? await Numbering.NextAsync(db, company, "CT", token);
            if (await db.Contracts.IgnoreQueryFilters().AnyAsync(c => c.CompanyId == company && c.Number == number, token))
            {
                throw new ConflictException("contract.duplicateNumber", $"Contract number '{number}' is already used.", number);
            }
            db.Contracts.Add(new Contract
            {
                CompanyId = company, Id = contractId, Number = number, CustomerId = customer.Id, Title = title, SignedOn = request.SignedOn,
                Currency = currency.Code, TotalMinor = total, PaymentTermId = request.PaymentTermId,
                Status = request.Draft ? ContractStatus.Draft : ContractStatus.Active, BillingMode = request.BillingMode,
                InterestDailyRatePercent = interest?.DailyRatePercent, InterestYearlyRatePercent = interest?.YearlyRatePercent,
                InterestGraceDays = interest?.GraceDays,
                DiscountPercent = discount?.Percent, DiscountDays = discount?.Days, DiscountNetDays = discount?.NetDays,
                AcceptedMethods = string.Join(',', methods.Order()), WarrantyMonths = hasRetention ? request.WarrantyMonths : null,
                CreatedAt = clock.Now, CreatedBy = scope.Actor,
                Stages = stages.Select((s, i) => new ContractStage
                {
                    CompanyId = company, Id = Ids.New(), ContractId = contractId, CustomerId = customer.Id, Sequence = i + 1, Kind = s.Kind,
                    Name = CompanyHandler.Required(s.Name, $"stages[{i}].name", 200), Percent = s.Percent, AmountMinor = amounts[i], DueDays = s.DueDays,
                }).ToList(),
            });
            await db.SaveChangesAsync(token);
            return 0;
        }, ct);
        return await query.GetAsync(contractId, ct);
    }

    private static LateInterest? Interest(CreateContract request)
    {
        if (request.InterestDailyRatePercent is null && request.InterestYearlyRatePercent is null && request.InterestGraceDays is null)
        {
            return null;
        }
        if (request.InterestYearlyRatePercent is { } yearly && yearly <= 0)
        {
            throw new DomainRuleException("interest.yearlyRate", "interestYearlyRatePercent",
                "The yearly rate is a percentage between 0 and 365, such as 10.5.", LateInterest.MaxYearlyRatePercent);
        }
        if (request.InterestYearlyRatePercent is null && (request.InterestDailyRatePercent is not { } rate || rate <= 0))
        {
            throw new DomainRuleException("interest.rate", "interestDailyRatePercent",
                "The daily rate is a percentage between 0 and 1, such as 0.05.", LateInterest.MaxDailyRatePercent);
        }
        return LateInterest.Of(request.InterestDailyRatePercent, request.InterestYearlyRatePercent, request.InterestGraceDays ?? 0);
    }
}
