using Huikuan.Domain.Terms;

namespace Huikuan.Web.Data.Entities;

public sealed class PaymentTermTemplate
{
    public Guid CompanyId { get; set; }
    public Guid Id { get; set; }
    public required string Code { get; set; }
    public required string Name { get; set; }
    public List<PaymentTermTemplateLine> Lines { get; set; } = [];

    public PaymentTerm ToDomain() =>
        new(Lines.OrderBy(l => l.Sequence).Select(l => new PaymentTermLine(l.Percent, l.Days, l.EndOfMonth, l.Months)).ToArray());
}

public sealed class PaymentTermTemplateLine
{
    public Guid CompanyId { get; set; }
    public Guid PaymentTermId { get; set; }
    public int Sequence { get; set; }
    public decimal Percent { get; set; }
    public int Days { get; set; }
    public int Months { get; set; }
    public bool EndOfMonth { get; set; }
}
