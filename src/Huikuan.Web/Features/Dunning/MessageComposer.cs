using System.Globalization;
using System.Net;
using System.Text;
using Huikuan.Domain.Money;
using Huikuan.Domain.Templates;

namespace Huikuan.Web.Features.Dunning;

/// <summary>
/// An item a message lists; <see cref="DaysOverdue"/> is 0 for notices and reminders. <see cref="PaymentReference"/> is the
/// invoice's payment reference (付款参考号), null when its number cannot make one.
/// </summary>
public sealed record MessageItem(string Number, DateOnly DueDate, int DaysOverdue, string Currency, long OpenMinor)
{
    public string? PaymentReference => Huikuan.Domain.Ledger.PaymentReference.For(Number);
}

/// <summary>An amount in one currency, in its minor units.</summary>
public readonly record struct CurrencyAmount(string Currency, long Minor);

/// <summary>
/// What a dunning letter states beside its items, each amount in its own currency: the interest and fees earlier letters
/// charged that are still owed (not waived), this letter's new interest, and its fee. <see cref="Currency"/> is the
/// letter's own currency, in which a zero is written.
/// </summary>
public sealed record LetterCharges(string Currency, IReadOnlyList<CurrencyAmount> Earlier, IReadOnlyList<CurrencyAmount> Interest, CurrencyAmount? Fee)
{
    public static LetterCharges None(string currency) => new(currency, [], [], null);

    public bool Any => Earlier.Concat(Interest).Any(a => a.Minor != 0) || Fee is { Minor: > 0 };
}

/// <summary>The customer's last dunning letter before this one, as the history holds it.</summary>
public sealed record PreviousLetter(DateOnly Day, string LevelCode);

/// <summary>
/// The values of a message's merge fields. Every amount carries its currency: the items', and the charges' (interest in
/// the items' currencies, the fee in the letter's).
/// </summary>
public sealed record MergeValues(
    string CustomerName, string CustomerCode, string? ContactName, string CompanyName, DateOnly Date, string? Level,
    IReadOnlyList<MessageItem> Items, LetterCharges Charges, int OldestDaysOverdue, DateOnly? DueDate,
    DateOnly? PayBy, string? PaymentInstructions, PreviousLetter? Previous = null);

/// <summary>A message written out: the subject, the plain-text and HTML bodies (the HTML also makes the letter), the SMS.</summary>
public sealed record ComposedMessage(string Subject, string Text, string Html, string Sms);

/// <summary>
/// Fills a template's merge fields in one language. Literal text is escaped for the HTML body, and the items become a
/// table there, lines in the text and a count in the SMS, so a template can never inject markup into a letter.
/// </summary>
public static class MessageComposer
{
    public static ComposedMessage Compose(MessageText text, string language, MergeValues values)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(values);
        var culture = CultureInfo.GetCultureInfo(language == "en" ? "en-US" : "zh-CN");
        var zh = language != "en";
        string Scalar(string field) => field switch
        {
            "customer.name" => values.CustomerName,
            "customer.code" => values.CustomerCode,
            "contact.name" => values.ContactName ?? values.CustomerName,
            "company.name" => values.CompanyName,
            "date" => Date(values.Date, zh),
            "level" => values.Level is { } code ? DefaultTemplates.LevelName(code, language) : "",
            "itemCount" => values.Items.Count.ToString(culture),
            "total" => Totals(values.Items, culture),
            "interest" => Amounts(values.Charges.Interest, values.Charges.Currency, culture),
            "fee" => Amounts(values.Charges.Fee is { } fee ? [fee] : [], values.Charges.Currency, culture),
            "earlierCharges" => Amounts(values.Charges.Earlier, values.Charges.Currency, culture),
            "amountDue" => AmountDue(values, culture),
            "lastLetterDate" => values.Previous is { } last ? Date(last.Day, zh) : "",
            "lastLetterLevel" => values.Previous is { } prior ? DefaultTemplates.LevelName(prior.LevelCode, language) : "",
            "previousReminders" => PreviousReminders(values.Previous, language),
            "oldestDaysOverdue" => values.OldestDaysOverdue.ToString(culture),
            "dueDate" => values.DueDate is { } d ? Date(d, zh) : "",
            "payBy" => values.PayBy is { } p ? Date(p, zh) : "",
            "paymentInstructions" => values.PaymentInstructions ?? "",
            "paymentReference" => PaymentReferences(values.Items),
            _ => "",
        };

        var subject = MergeTemplate.Parse(text.Subject, "subject").Render(f => f == "items" ? ItemCount(values, zh, culture) : Scalar(f));
        var plain = MergeTemplate.Parse(text.Body, "body").Render(f => f == "items" ? ItemLines(values, zh, culture) : Scalar(f));
        var sms = MergeTemplate.Parse(text.Sms, "sms").Render(f => f == "items" ? ItemCount(values, zh, culture) : Scalar(f));
        // The HTML body: paragraphs from the blank-line structure, the items as a table standing alone.
        var html = new StringBuilder();
        foreach (var paragraph in plain.Length == 0 ? [] : SplitParagraphs(MergeTemplate.Parse(text.Body, "body")
                     .Render(f => f == "items" ? ItemsMarker : WebUtility.HtmlEncode(Scalar(f)), WebUtility.HtmlEncode)))
        {
            html.Append(paragraph == ItemsMarker ? ItemTable(values, zh, culture)
                : "<p>" + paragraph.Replace(ItemsMarker, ItemTable(values, zh, culture), StringComparison.Ordinal).Replace("\n", "<br>", StringComparison.Ordinal) + "</p>");
            html.Append('\n');
        }
        return new ComposedMessage(subject.Trim(), plain.Trim(), html.ToString(), sms.Trim());
    }

    public static string Money(long minor, string currency, CultureInfo culture)
    {
        var c = Currency.Of(currency);
        return string.Create(culture, $"{c.ToMajor(minor).ToString("N" + c.Exponent.ToString(CultureInfo.InvariantCulture), culture)} {currency}");
    }

    public static string Date(DateOnly date, bool zh) =>
        zh ? date.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));

    private const string ItemsMarker = "\u0001items\u0001";

    private static string[] SplitParagraphs(string text) =>
        text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static string Totals(IReadOnlyList<MessageItem> items, CultureInfo culture) =>
        items.Count == 0 ? "0" : string.Join(" + ", items.GroupBy(i => i.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Money(g.Sum(i => i.OpenMinor), g.Key, culture)));

    /// <summary>
    /// What is owed, per currency: the open items, the interest and fees earlier letters charged and that are still owed,
    /// and this letter's interest and fee. Currencies are never added together; the letter's own comes first.
    /// </summary>
    public static IReadOnlyList<CurrencyAmount> AmountDue(IReadOnlyList<MessageItem> items, LetterCharges charges)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(charges);
        var all = items.Select(i => new CurrencyAmount(i.Currency, i.OpenMinor)).Concat(charges.Earlier).Concat(charges.Interest)
            .Concat(charges.Fee is { } fee ? [fee] : []);
        return [.. Sum(all)];
    }

    /// <summary>Amounts added up per currency, by currency code.</summary>
    public static IEnumerable<CurrencyAmount> Sum(IEnumerable<CurrencyAmount> amounts) =>
        amounts.GroupBy(a => a.Currency, StringComparer.Ordinal).Select(g => new CurrencyAmount(g.Key, g.Sum(a => a.Minor)))
            .OrderBy(a => a.Currency, StringComparer.Ordinal);

    private static string AmountDue(MergeValues v, CultureInfo culture) => Amounts(AmountDue(v.Items, v.Charges), v.Charges.Currency, culture);

    /// <summary>Amounts each with its currency code, "1,000.00 CNY + 20.00 USD"; nothing is a zero in the letter's currency.</summary>
    private static string Amounts(IEnumerable<CurrencyAmount> amounts, string currency, CultureInfo culture)
    {
        var list = Sum(amounts).Where(a => a.Minor != 0).OrderBy(a => a.Currency != currency).ToList();
        return list.Count == 0 ? Money(0, currency, culture) : string.Join(" + ", list.Select(a => Money(a.Minor, a.Currency, culture)));
    }

    /// <summary>
    /// The sentence that cites the customer's last letter: only what the dunning history holds, and nothing without one,
    /// so no letter claims reminders that were never sent.
    /// </summary>
    private static string PreviousReminders(PreviousLetter? previous, string language)
    {
        if (previous is null)
        {
            return "";
        }
        var zh = language != "en";
        var level = DefaultTemplates.LevelName(previous.LevelCode, language);
        return zh ? $"我司已于 {Date(previous.Day, true)} 向贵司发出催收函（{level}）。" : $"We wrote to you on {Date(previous.Day, false)} ({level}). ";
    }

    /// <summary>The payment references of the items, each once, in the order the items come (an invoice in installments is one).</summary>
    private static string PaymentReferences(IReadOnlyList<MessageItem> items) =>
        string.Join(", ", items.Select(i => i.PaymentReference).OfType<string>().Distinct(StringComparer.Ordinal));

    private static string ItemCount(MergeValues v, bool zh, CultureInfo culture) =>
        zh ? string.Create(culture, $"{v.Items.Count} 笔") : string.Create(culture, $"{v.Items.Count} item{(v.Items.Count == 1 ? "" : "s")}");

    private static bool Overdue(MergeValues v) => v.Items.Any(i => i.DaysOverdue > 0);

    private static string ItemLines(MergeValues v, bool zh, CultureInfo culture)
    {
        var sb = new StringBuilder();
        foreach (var i in v.Items)
        {
            sb.Append(i.Number).Append("  ").Append(zh ? "到期 " : "due ").Append(Date(i.DueDate, zh));
            if (i.DaysOverdue > 0)
            {
                sb.Append("  ").Append(zh ? string.Create(culture, $"逾期 {i.DaysOverdue} 天") : string.Create(culture, $"{i.DaysOverdue} days overdue"));
            }
            sb.Append("  ").Append(Money(i.OpenMinor, i.Currency, culture));
            if (i.PaymentReference is { } reference)
            {
                sb.Append("  ").Append(zh ? "付款参考号 " : "payment reference ").Append(reference);
            }
            sb.Append('\n');
        }
        foreach (var (label, amount) in ChargeLines(v, zh, culture))
        {
            sb.Append(label).Append("  ").Append(amount).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
    }

    /// <summary>
    /// The lines under the items' total on a letter that charges anything: the unpaid charges of earlier letters, this
    /// letter's interest and fee (each only when there is one), and the amount due per currency.
    /// </summary>
    private static List<(string Label, string Amount)> ChargeLines(MergeValues v, bool zh, CultureInfo culture)
    {
        var c = v.Charges;
        var lines = new List<(string, string)>();
        if (!c.Any)
        {
            return lines;
        }
        if (c.Earlier.Any(a => a.Minor != 0))
        {
            lines.Add((zh ? "以往催收函未付的利息及费用" : "Unpaid interest and fees of earlier letters", Amounts(c.Earlier, c.Currency, culture)));
        }
        if (c.Interest.Any(a => a.Minor != 0))
        {
            lines.Add((zh ? "本函逾期利息" : "Late interest, this letter", Amounts(c.Interest, c.Currency, culture)));
        }
        if (c.Fee is { Minor: > 0 } fee)
        {
            lines.Add((zh ? "本函催收费" : "Dunning fee, this letter", Money(fee.Minor, fee.Currency, culture)));
        }
        lines.Add((zh ? "应付合计" : "Amount due", AmountDue(v, culture)));
        return lines;
    }

    private static string ItemTable(MergeValues v, bool zh, CultureInfo culture)
    {
        var overdue = Overdue(v);
        var sb = new StringBuilder("<table class=\"items\"><thead><tr>");
        sb.Append("<th>").Append(zh ? "单据号" : "Invoice").Append("</th><th>").Append(zh ? "到期日" : "Due date").Append("</th>");
        if (overdue)
        {
            sb.Append("<th class=\"num\">").Append(zh ? "逾期天数" : "Days overdue").Append("</th>");
        }
        sb.Append("<th class=\"num\">").Append(zh ? "未付金额" : "Open amount").Append("</th><th>").Append(zh ? "付款参考号" : "Payment reference")
            .Append("</th></tr></thead><tbody>");
        foreach (var i in v.Items)
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(i.Number)).Append("</td><td>").Append(Date(i.DueDate, zh)).Append("</td>");
            if (overdue)
            {
                sb.Append("<td class=\"num\">").Append(i.DaysOverdue.ToString(culture)).Append("</td>");
            }
            sb.Append("<td class=\"num\">").Append(Money(i.OpenMinor, i.Currency, culture)).Append("</td><td>")
                .Append(WebUtility.HtmlEncode(i.PaymentReference ?? "")).Append("</td></tr>");
        }
        sb.Append("</tbody><tfoot><tr><td colspan=\"").Append(overdue ? 3 : 2).Append("\">").Append(zh ? "合计" : "Total").Append("</td><td class=\"num\">")
            .Append(WebUtility.HtmlEncode(Totals(v.Items, culture))).Append("</td><td></td></tr>");
        foreach (var (label, amount) in ChargeLines(v, zh, culture))
        {
            sb.Append("<tr><td colspan=\"").Append(overdue ? 3 : 2).Append("\">").Append(label).Append("</td><td class=\"num\">")
                .Append(WebUtility.HtmlEncode(amount)).Append("</td><td></td></tr>");
        }
        sb.Append("</tfoot></table>");
        return sb.ToString();
    }
}
