namespace Huikuan.Domain;

/// <summary>
/// Business dates must be given and plausible. A date left out of a JSON body arrives as 0001-01-01;
/// a typo such as 2206 for 2026 would age an invoice by centuries. Both are refused, naming the field.
/// </summary>
public static class BusinessDates
{
    public static readonly DateOnly Earliest = new(1990, 1, 1);
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static DateOnly Require(DateOnly date, string field)
    {
        if (date == default)
        {
            throw new DomainRuleException("date.required", field, $"{field} is required, as yyyy-MM-dd.");
        }
        if (date < Earliest || date > Latest)
        {
            throw new DomainRuleException("date.range", field, $"{field} must be between {Earliest:yyyy-MM-dd} and {Latest:yyyy-MM-dd}.", Earliest, Latest);
        }
        return date;
    }

    public static DateOnly? Optional(DateOnly? date, string field) => date is { } d ? Require(d, field) : null;
}
