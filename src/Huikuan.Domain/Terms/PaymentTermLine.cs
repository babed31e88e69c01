namespace Huikuan.Domain.Terms;

/// <summary>
/// One due date of a payment term: <see cref="Percent"/> of the total falls due
/// <see cref="Months"/> months after the invoice date, moved to the end of that month when
/// <see cref="EndOfMonth"/> is set (月结), plus <see cref="Days"/> days.
/// </summary>
/// <example>Net 30: (100, 0, false, 30). 月结60天: (100, 0, true, 60). 30/70: (30, 0, false, 0), (70, 0, false, 90).</example>
public sealed record PaymentTermLine(decimal Percent, int Days, bool EndOfMonth = false, int Months = 0)
{
    public DateOnly DueDate(DateOnly invoiceDate)
    {
        var d = invoiceDate.AddMonths(Months);
        if (EndOfMonth)
        {
            d = new DateOnly(d.Year, d.Month, DateTime.DaysInMonth(d.Year, d.Month));
        }
        return d.AddDays(Days);
    }
}
