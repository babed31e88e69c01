using System.Globalization;

namespace Huikuan.Domain.Ledger;

/// <summary>
/// The ledger records what has happened: money received, applied, taken back or written off. None of it may be dated
/// after the company's business day, or the balance (which counts every row) and aging as of today (which counts by
/// date) would tell different stories about the same customer.
/// </summary>
public static class LedgerDates
{
    public static void MustNotBeInTheFuture(DateOnly day, DateOnly today, string field)
    {
        if (day > today)
        {
            var (d, t) = (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            throw new DomainRuleException("ledger.futureDate", field,
                $"{d} is after today ({t}): money cannot be received, applied, reversed or written off in the future.", d, t);
        }
    }

    /// <summary>
    /// An invoice is issued on a day that has come: one dated later would count in the customer's balance at once but in
    /// aging only from its date, and would be owed before it exists.
    /// </summary>
    public static void InvoiceMustNotBeInTheFuture(DateOnly day, DateOnly today, string field)
    {
        if (day > today)
        {
            var (d, t) = (day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), today.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            throw new DomainRuleException("invoice.futureDate", field,
                $"{d} is after today ({t}): an invoice is dated on or before the day it is issued.", d, t);
        }
    }
}
