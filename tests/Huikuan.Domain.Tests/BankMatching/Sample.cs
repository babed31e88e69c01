using Huikuan.Domain.BankMatching;

namespace Huikuan.Domain.Tests.BankMatching;

/// <summary>A small company's customers, and lines and open items written the way the tests read best.</summary>
internal static class Sample
{
    public static readonly DateOnly Today = new(2026, 12, 6);

    public static readonly Guid Mingda = Id(1), Hengyuan = Id(2), HengyuanDev = Id(3), Group = Id(4), GroupSub = Id(5), Acme = Id(6), Other = Id(7);

    public static readonly MatchCustomer[] Customers =
    [
        new(Mingda, "上海明达贸易有限公司", Aliases: ["明达贸易"]),
        new(Hengyuan, "杭州恒远科技有限公司"),
        new(HengyuanDev, "杭州恒远科技发展有限公司"),
        new(Group, "江苏远航集团股份有限公司"),
        new(GroupSub, "苏州远航精密机械有限公司", ParentId: Group),
        new(Acme, "Acme Trading Co., Ltd."),
        new(Other, "广州白云五金制品厂"),
    ];

    public static Guid Id(int n) => new($"00000000-0000-0000-0000-{n:D12}");

    private static int _next = 1000;

    public static MatchOpenItem Item(Guid customer, string invoice, decimal open, DateOnly? due = null, int sequence = 1, string currency = "CNY",
        decimal? billed = null, DateOnly? invoiceDate = null) =>
        new(Id(Interlocked.Increment(ref _next)), customer, invoice, invoiceDate ?? (due ?? Today).AddDays(-30), due ?? Today, sequence, currency,
            Minor(open), Minor(billed ?? open));

    public static long Minor(decimal amount) => (long)(amount * 100m);

    public static BankLine Line(decimal amount, string? name = null, string? text = null, string? account = null, string currency = "CNY",
        DateOnly? on = null, string? endToEnd = null, string? merchantOrder = null) =>
        new(Minor(amount), currency, on ?? Today, name, account, text, EndToEndId: endToEnd, MerchantOrderId: merchantOrder);

    public static MatchDirectory Directory(IEnumerable<MatchOpenItem> items, IEnumerable<LearnedAccount>? accounts = null,
        IEnumerable<PaymentReference>? references = null, IEnumerable<MatchDocument>? documents = null) =>
        new(Customers, accounts, references, documents, items);

    /// <summary>A proposal as one string: compared whole, it says what differs.</summary>
    public static string Describe(MatchProposal p) =>
        $"{p.CustomerId} {p.Confidence} [{string.Join(' ', p.Allocations.Select(a => $"{a.InstallmentId}:{a.AmountMinor}"))}] {p.WriteOff} "
        + $"{p.UnappliedMinor} {string.Join(' ', p.Reasons)} | "
        + string.Join(" | ", p.Alternatives.Select(c => $"{c.CustomerId} {c.Confidence} {c.Allocations.Count} {string.Join(' ', c.Reasons)}"));

    public static string[] Codes(MatchProposal p) => p.Reasons.Select(r => r.Code).ToArray();
}
