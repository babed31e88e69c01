using System.Globalization;
using System.Net;
using System.Text;
using Huikuan.Domain.Money;
using Huikuan.Domain.Templates;

namespace Huikuan.Web.Features.Dunning;

/// <summary>An item a message lists; <see cref="DaysOverdue"/> is 0 for notices and reminders.</summary>
public sealed record MessageItem(string Number, DateOnly DueDate, int DaysOverdue, string Currency, long OpenMinor);

/// <summary>The values of a message's merge fields. Amounts are per currency; interest and fee in the policy's currency.</summary>
public sealed record MergeValues(
    string CustomerName, string CustomerCode, string? ContactName, string CompanyName, DateOnly Date, string? Level,
    IReadOnlyList<MessageItem> Items, string Currency, long InterestMinor, long FeeMinor, int OldestDaysOverdue, DateOnly? DueDate,
    DateOnly? PayBy, string? PaymentInstructions);

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
            "level" => values.Level ?? "",
            "itemCount" => values.Items.Count.ToString(culture),
            "total" => Totals(values.Items, culture),
            "interest" => Money(values.InterestMinor, values.Currency, culture),
            "fee" => Money(values.FeeMinor, values.Currency, culture),
            "amountDue" => AmountDue(values, culture),
            "oldestDaysOverdue" => values.OldestDaysOverdue.ToString(culture),
            "dueDate" => values.DueDate is { } d ? Date(d, zh) : "",
            "payBy" => values.PayBy is { } p ? Date(p, zh) : "",
            "paymentInstructions" => values.PaymentInstructions ?? "",
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

    /// <summary>What is owed in the policy's currency with interest and fee; other currencies are added as they are.</summary>
    private static string AmountDue(MergeValues v, CultureInfo culture)
    {
        var byCurrency = v.Items.GroupBy(i => i.Currency, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Sum(i => i.OpenMinor), StringComparer.Ordinal);
        byCurrency[v.Currency] = byCurrency.GetValueOrDefault(v.Currency) + v.InterestMinor + v.FeeMinor;
        return string.Join(" + ", byCurrency.OrderBy(p => p.Key != v.Currency).ThenBy(p => p.Key, StringComparer.Ordinal).Select(p => Money(p.Value, p.Key, culture)));
    }

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
            sb.Append("  ").Append(Money(i.OpenMinor, i.Currency, culture)).Append('\n');
        }
        return sb.ToString().TrimEnd('\n');
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
        sb.Append("<th class=\"num\">").Append(zh ? "未付金额" : "Open amount").Append("</th></tr></thead><tbody>");
        foreach (var i in v.Items)
        {
            sb.Append("<tr><td>").Append(WebUtility.HtmlEncode(i.Number)).Append("</td><td>").Append(Date(i.DueDate, zh)).Append("</td>");
            if (overdue)
            {
                sb.Append("<td class=\"num\">").Append(i.DaysOverdue.ToString(culture)).Append("</td>");
            }
            sb.Append("<td class=\"num\">").Append(Money(i.OpenMinor, i.Currency, culture)).Append("</td></tr>");
        }
        sb.Append("</tbody><tfoot><tr><td colspan=\"").Append(overdue ? 3 : 2).Append("\">").Append(zh ? "合计" : "Total").Append("</td><td class=\"num\">")
            .Append(WebUtility.HtmlEncode(Totals(v.Items, culture))).Append("</td></tr></tfoot></table>");
        return sb.ToString();
    }
}
