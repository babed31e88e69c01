using Huikuan.Domain.Dunning;
using Huikuan.Web.Data;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Features.Dunning;
using Huikuan.Web.Infrastructure;

namespace Huikuan.Web.Features.Charges;

/// <summary>
/// Adds what a dunning letter charges to the unit of work that records the letter: the interest accrued on each item
/// since the last letter in the item's currency, and the level's fee once in the letter's currency. Written with the communication, whose key is unique per customer,
/// level and day, so a re-run charges nothing twice.
/// </summary>
internal static class ChargeWriter
{
    public static int Add(
        HuikuanDbContext db, DunningCommunication communication, PlannedCustomer customer, DunningLevel level, DunningDraft draft,
        DateTimeOffset now, string actor)
    {
        var numbers = draft.Items.Zip(customer.Proposal.Items).ToDictionary(x => x.Second.InstallmentId, x => x.First.Number);
        var added = 0;
        foreach (var i in draft.Interest)
        {
            db.DunningCharges.Add(new DunningCharge
            {
                CompanyId = communication.CompanyId, Id = Ids.New(), CustomerId = communication.CustomerId, Kind = ChargeKind.Interest,
                Currency = i.Currency, AmountMinor = i.Charge.NewMinor, CommunicationId = communication.Id, LevelCode = level.Code,
                InstallmentId = i.InstallmentId, InvoiceId = customer.Items[i.InstallmentId].InvoiceId, InvoiceNumber = numbers.GetValueOrDefault(i.InstallmentId),
                From = i.Charge.From, Through = i.Charge.Through, DailyRatePercent = i.Clause?.DailyRatePercent,
                YearlyRatePercent = i.Clause?.YearlyRatePercent, ChargedOn = communication.RunDay,
                CreatedAt = now, CreatedBy = actor,
            });
            added++;
        }
        if (draft.FeeMinor > 0)
        {
            db.DunningCharges.Add(new DunningCharge
            {
                CompanyId = communication.CompanyId, Id = Ids.New(), CustomerId = communication.CustomerId, Kind = ChargeKind.Fee,
                Currency = draft.Currency, AmountMinor = draft.FeeMinor, CommunicationId = communication.Id, LevelCode = level.Code,
                ChargedOn = communication.RunDay, CreatedAt = now, CreatedBy = actor,
            });
            added++;
        }
        return added;
    }
}
