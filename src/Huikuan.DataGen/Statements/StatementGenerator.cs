using System.Globalization;
using System.Text;

namespace Huikuan.DataGen.Statements;

/// <summary>
/// Writes the company's bank statement for its as-of day: customers paying installments that are open on that
/// day, in the ways payers really pay (<see cref="PayerBehaviour"/>), mixed with lines that are not receivables.
/// Every line carries the truth (which installments it pays), so a matcher's straight-through and wrong rates can be
/// measured. Pure and deterministic: the same data set, size and seed give the same statement. Each installment is
/// paid by one line at most, so the truth stays unambiguous.
/// </summary>
public static class StatementGenerator
{
    /// <summary>How often each behaviour occurs, per thousand lines.</summary>
    private static readonly (PayerBehaviour Behaviour, int PerMille)[] Mix =
    [
        (PayerBehaviour.ExactReference, 270),
        (PayerBehaviour.Lookalike, 15),
        (PayerBehaviour.WrongReference, 15),
        (PayerBehaviour.NoisyReference, 180),
        (PayerBehaviour.NoReference, 120),
        (PayerBehaviour.SeveralInvoices, 100),
        (PayerBehaviour.Partial, 60),
        (PayerBehaviour.FeeDeducted, 60),
        (PayerBehaviour.NameVariant, 80),
        (PayerBehaviour.ParentPays, 30),
        (PayerBehaviour.Unrelated, 70),
    ];

    private static readonly string[] Purposes = ["货款", "支付货款", "付货款", "往来款", "还款", "付款", "转账", "Payment", "款项"];

    private static readonly string[] Thanks = ["", "", " 谢谢", " 请查收", " Thank you", "（已含税）"];

    /// <summary>Open installments of the data set as of its day, by customer, oldest due first.</summary>
    public sealed record OpenInstallment(Guid InstallmentId, string InvoiceNumber, DateOnly DueDate, int Sequence, long OpenMinor);

    public static GenStatement Generate(GeneratedData data, int lineCount, ulong seed = 15)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentOutOfRangeException.ThrowIfNegative(lineCount);
        return Generate(data, OpenItems(data), lineCount, seed);
    }

    /// <summary>Reads the whole (streamed) invoice history once and keeps what is still open, by customer.</summary>
    public static Dictionary<int, List<OpenInstallment>> OpenItems(GeneratedData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var open = new Dictionary<int, List<OpenInstallment>>();
        foreach (var invoice in data.Invoices)
        {
            foreach (var installment in invoice.Installments)
            {
                if (installment.OpenMinor <= 0)
                {
                    continue;
                }
                if (!open.TryGetValue(invoice.CustomerIndex, out var list))
                {
                    open[invoice.CustomerIndex] = list = [];
                }
                list.Add(new OpenInstallment(installment.Id, invoice.Number, installment.DueDate, installment.Sequence, installment.OpenMinor));
            }
        }
        foreach (var list in open.Values)
        {
            list.Sort((a, b) => a.DueDate != b.DueDate ? a.DueDate.CompareTo(b.DueDate)
                : string.CompareOrdinal(a.InvoiceNumber, b.InvoiceNumber) is var c && c != 0 ? c : a.Sequence.CompareTo(b.Sequence));
        }
        return open;
    }

    public static GenStatement Generate(GeneratedData data, IReadOnlyDictionary<int, List<OpenInstallment>> openItems, int lineCount, ulong seed = 15)
    {
        ArgumentNullException.ThrowIfNull(data);
        ArgumentNullException.ThrowIfNull(openItems);
        var rng = new Prng(Prng.Mix(data.Spec.Seed ^ (seed * 0x9E3779B97F4A7C15UL)));
        var day = data.Spec.AsOf;
        // Copies, so that an installment paid by one line is not paid again by another.
        var remaining = openItems.Where(p => p.Value.Count > 0).OrderBy(p => p.Key)
            .ToDictionary(p => p.Key, p => new List<OpenInstallment>(p.Value));
        var payers = remaining.Keys.ToList();
        var lines = new List<GenStatementLine>(lineCount);
        for (var i = 0; i < lineCount; i++)
        {
            var behaviour = Pick(rng);
            var reference = BankReference(day, i);
            if (behaviour == PayerBehaviour.Unrelated || payers.Count == 0)
            {
                lines.Add(Unrelated(rng, i, day, reference));
                continue;
            }
            var customerIndex = NextPayer(rng, payers, remaining);
            if (customerIndex is null)
            {
                lines.Add(Unrelated(rng, i, day, reference));
                continue;
            }
            var customer = data.Customers[customerIndex.Value];
            var items = remaining[customer.Index];
            if (behaviour == PayerBehaviour.Lookalike)
            {
                // Nothing is paid: the customer's item stays open for the lines after.
                lines.Add(new GenStatementLine(i, day, items[0].OpenMinor, WithoutLegalForm(customer.Name) + "贸易商行", "6217" + rng.NextLong(100_000_000_000, 999_999_999_999).ToString(CultureInfo.InvariantCulture),
                    rng.Pick(Purposes), reference, behaviour, null, []));
                continue;
            }
            if (behaviour == PayerBehaviour.WrongReference)
            {
                var other = payers[rng.Next(payers.Count)];
                var quoted = other != customer.Index ? remaining[other][0].InvoiceNumber : "INV-999999";
                var own = items[0];
                items.RemoveAt(0);
                lines.Add(new GenStatementLine(i, day, own.OpenMinor, customer.Name, PayerAccount(data.Spec.Seed, customer.Index),
                    rng.Pick(Purposes) + " " + quoted, reference, behaviour, customer.Index, [new ExpectedAllocation(own.InstallmentId, own.InvoiceNumber, own.OpenMinor)]));
                if (items.Count == 0)
                {
                    remaining.Remove(customer.Index);
                    payers.Remove(customer.Index);
                }
                continue;
            }
            lines.Add(Payment(rng, i, day, reference, behaviour, customer, items, data.Spec.Seed));
            if (items.Count == 0)
            {
                remaining.Remove(customer.Index);
                payers.Remove(customer.Index);
            }
        }
        var accountDigits = (Prng.Mix(data.Spec.Seed ^ 0xACC0) % 1_000_000_000_000UL).ToString("D12", CultureInfo.InvariantCulture);
        return new GenStatement(
            "STMT-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture), "7559" + accountDigits, "CN" + "12" + "CMBC" + "7559" + accountDigits,
            "CMBCCNBS", data.Company.Currency, day, 100_000_000_00, lines);
    }

    /// <summary>The account a customer pays from: the same for the same customer in every statement, so it can be learned.</summary>
    public static string PayerAccount(ulong dataSeed, int customerIndex) =>
        "6222" + (Prng.Mix(dataSeed ^ 0x5A5A_0000UL ^ (ulong)customerIndex) % 1_000_000_000_000_000UL).ToString("D15", CultureInfo.InvariantCulture);

    private static PayerBehaviour Pick(Prng rng)
    {
        var roll = rng.Next(1000);
        foreach (var (behaviour, perMille) in Mix)
        {
            if (roll < perMille)
            {
                return behaviour;
            }
            roll -= perMille;
        }
        return PayerBehaviour.ExactReference;
    }

    private static int? NextPayer(Prng rng, List<int> payers, Dictionary<int, List<OpenInstallment>> remaining)
    {
        for (var attempt = 0; attempt < 8 && payers.Count > 0; attempt++)
        {
            var candidate = payers[rng.Next(payers.Count)];
            if (remaining[candidate].Count > 0)
            {
                return candidate;
            }
        }
        return payers.Count > 0 ? payers[0] : null;
    }

    private static GenStatementLine Payment(
        Prng rng, int index, DateOnly day, string reference, PayerBehaviour behaviour, GenCustomer customer, List<OpenInstallment> items, ulong dataSeed)
    {
        var name = customer.Name;
        var account = PayerAccount(dataSeed, customer.Index);
        var purpose = rng.Pick(Purposes);
        var thanks = rng.Pick(Thanks);
        switch (behaviour)
        {
            case PayerBehaviour.NoisyReference:
            {
                var item = Take(items, 0);
                return Line(item.OpenMinor, purpose + " " + Noisy(rng, item.InvoiceNumber) + thanks, [Paid(item, item.OpenMinor)]);
            }
            case PayerBehaviour.NoReference:
            {
                var item = Take(items, rng.Next(Math.Min(items.Count, 3)));
                return Line(item.OpenMinor, purpose + thanks, [Paid(item, item.OpenMinor)]);
            }
            case PayerBehaviour.SeveralInvoices:
            {
                var count = Math.Min(items.Count, 2 + rng.Next(3));
                var taken = Enumerable.Range(0, count).Select(_ => Take(items, 0)).ToList();
                var named = rng.Chance(600);
                var text = named ? purpose + " " + string.Join(rng.Chance(500) ? "," : " ", taken.Select(t => t.InvoiceNumber)) : purpose + thanks;
                return Line(taken.Sum(t => t.OpenMinor), text, taken.Select(t => Paid(t, t.OpenMinor)).ToList());
            }
            case PayerBehaviour.Partial:
            {
                var item = Take(items, 0);
                var part = Math.Max(1, item.OpenMinor * (30 + rng.Next(51)) / 100);
                return Line(part, purpose + " " + item.InvoiceNumber + " 部分付款", [Paid(item, part)]);
            }
            case PayerBehaviour.FeeDeducted:
            {
                var item = Take(items, 0);
                var fee = Math.Min(item.OpenMinor - 1, 500 + (rng.Next(10) * 500));
                if (fee <= 0)
                {
                    return Line(item.OpenMinor, purpose + " " + item.InvoiceNumber, [Paid(item, item.OpenMinor)]);
                }
                return Line(item.OpenMinor - fee, purpose + " " + item.InvoiceNumber + thanks, [Paid(item, item.OpenMinor - fee)], fee);
            }
            case PayerBehaviour.NameVariant:
            {
                var item = Take(items, 0);
                name = Variant(rng, customer.Name);
                var text = rng.Chance(500) ? purpose + " " + item.InvoiceNumber : purpose + thanks;
                return Line(item.OpenMinor, text, [Paid(item, item.OpenMinor)]);
            }
            case PayerBehaviour.ParentPays:
            {
                var item = Take(items, 0);
                name = GroupName(customer.Name);
                account = PayerAccount(dataSeed ^ 0xFFFF, customer.Index);
                return Line(item.OpenMinor, "代" + WithoutLegalForm(customer.Name) + "付 " + item.InvoiceNumber, [Paid(item, item.OpenMinor)]);
            }
            default:
            {
                var item = Take(items, 0);
                return Line(item.OpenMinor, purpose + " " + item.InvoiceNumber + thanks, [Paid(item, item.OpenMinor)]);
            }
        }

        GenStatementLine Line(long amount, string text, IReadOnlyList<ExpectedAllocation> expected, long fee = 0) =>
            new(index, day, amount, name, account, text.Trim(), reference, behaviour, customer.Index, expected, fee);
    }

    private static ExpectedAllocation Paid(OpenInstallment item, long amount) => new(item.InstallmentId, item.InvoiceNumber, amount);

    private static OpenInstallment Take(List<OpenInstallment> items, int position)
    {
        var item = items[position];
        items.RemoveAt(position);
        return item;
    }

    private static GenStatementLine Unrelated(Prng rng, int index, DateOnly day, string reference)
    {
        return rng.Next(4) switch
        {
            0 => new(index, day, rng.NextLong(100, 500_000), "本行", null, "结息 利息收入", reference, PayerBehaviour.Unrelated, null, []),
            1 => new(index, day, rng.NextLong(10_000, 5_000_000), "上海" + Supplier(rng) + "供应链有限公司", "31000" + rng.NextLong(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                "退还多付款 采购订单PO" + rng.Next(10_000, 99_999).ToString(CultureInfo.InvariantCulture), reference, PayerBehaviour.Unrelated, null, []),
            2 => new(index, day, -rng.NextLong(100_000, 20_000_000), "苏州" + Supplier(rng) + "材料有限公司", "32000" + rng.NextLong(1_000_000_000, 9_999_999_999).ToString(CultureInfo.InvariantCulture),
                "支付采购款", reference, PayerBehaviour.Unrelated, null, []),
            _ => new(index, day, -rng.NextLong(500, 20_000), "本行", null, "手续费 汇划费", reference, PayerBehaviour.Unrelated, null, []),
        };
    }

    private static string Supplier(Prng rng) => rng.Pick(["远航", "佳利", "诚信", "华美", "永新", "国泰"]);

    /// <summary>The bank's serial number for the line (流水号), unique per day and line.</summary>
    private static string BankReference(DateOnly day, int index) =>
        "G" + day.ToString("yyMMdd", CultureInfo.InvariantCulture) + index.ToString("D7", CultureInfo.InvariantCulture);

    /// <summary>The invoice number as careless payers type it: INV-000123 as inv000123, INV 000123, ＩＮＶ－０００１２３, 发票号000123…</summary>
    public static string Noisy(Prng rng, string invoiceNumber)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(invoiceNumber);
        var dash = invoiceNumber.IndexOf('-', StringComparison.Ordinal);
        var prefix = dash > 0 ? invoiceNumber[..dash] : invoiceNumber;
        var digits = dash > 0 ? invoiceNumber[(dash + 1)..] : invoiceNumber;
        return rng.Next(6) switch
        {
            0 => invoiceNumber.ToLowerInvariant(),
            1 => prefix + digits,
            2 => prefix + " " + digits,
            3 => FullWidth(invoiceNumber),
            // "发票号:" as payers write it; escaped because the project's own texts say 应收单 for the document.
            4 => "\u53D1\u7968\u53F7:" + invoiceNumber.ToLowerInvariant().Replace("-", "_", StringComparison.Ordinal),
            _ => "(" + prefix + "—" + digits + ")",
        };
    }

    public static string FullWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        foreach (var c in text)
        {
            builder.Append(c is >= '!' and <= '~' ? (char)(c - '!' + '！') : c);
        }
        return builder.ToString();
    }

    /// <summary>The name as a bank clerk or the payer's own system writes it.</summary>
    public static string Variant(Prng rng, string name)
    {
        ArgumentNullException.ThrowIfNull(rng);
        ArgumentNullException.ThrowIfNull(name);
        var isChinese = name.Any(c => c >= 0x4E00);
        if (!isChinese)
        {
            return rng.Next(3) switch
            {
                0 => name.ToUpperInvariant(),
                1 => name.Replace(",", string.Empty, StringComparison.Ordinal).Replace(".", string.Empty, StringComparison.Ordinal),
                _ => WithoutLegalForm(name) + " LIMITED",
            };
        }
        return rng.Next(3) switch
        {
            0 => WithoutLegalForm(name),
            1 => WithoutLegalForm(name) + "有限责任公司",
            // Banks cut long names to the width of their field.
            _ => name.Length > 10 ? name[..10] : WithoutLegalForm(name),
        };
    }

    /// <summary>The name without its legal form.</summary>
    public static string WithoutLegalForm(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        string[] forms = ["股份有限公司", "有限责任公司", "有限公司", " Co., Ltd.", " Pte. Ltd.", " Ltd", " Inc.", " GmbH", " Group", " LLC"];
        foreach (var form in forms)
        {
            if (name.EndsWith(form, StringComparison.Ordinal))
            {
                return name[..^form.Length];
            }
        }
        return name;
    }

    /// <summary>The group company's name: the subsidiary's city and trade name with 集团 (Chinese) or Holdings.</summary>
    public static string GroupName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var isChinese = name.Any(c => c >= 0x4E00);
        if (!isChinese)
        {
            var words = name.Split(' ');
            return words[0] + " Holdings Limited";
        }
        var trade = WithoutLegalForm(name);
        return (trade.Length > 4 ? trade[..4] : trade) + "集团有限公司";
    }
}
