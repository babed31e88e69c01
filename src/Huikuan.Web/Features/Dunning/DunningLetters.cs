using System.Globalization;
using System.Net;
using Huikuan.Domain.Dunning;
using Huikuan.Web.Data.Entities;
using Huikuan.Web.Infrastructure.Pdf;

namespace Huikuan.Web.Features.Dunning;

/// <summary>A rendered letter, before it is stored with its communication.</summary>
public sealed record LetterDraft(string FileName, byte[] Pdf);

/// <summary>
/// The PDF letter of a dunning level whose channels include <see cref="DunningChannel.Letter"/>: the composed message
/// on an A4 page with the company as letterhead, the date, the addressee, the subject and the body (items table,
/// totals, interest and fee, pay-by date, payment instructions), in the recipient's language, printed by
/// <see cref="IPdfRenderer"/>. Rendered before the transaction that records the communication.
/// </summary>
public sealed class DunningLetters(IPdfRenderer renderer)
{
    public async Task<LetterDraft?> RenderAsync(DunningLevel level, PlannedCustomer customer, string companyName, DateOnly day, DunningDraft draft, CancellationToken ct)
    {
        ArgumentNullException.ThrowIfNull(level);
        ArgumentNullException.ThrowIfNull(customer);
        ArgumentNullException.ThrowIfNull(draft);
        if (!level.Channels.HasFlag(DunningChannel.Letter))
        {
            return null;
        }
        var html = Document(companyName, customer.Name, customer.Code, draft.Recipient?.Name, day, draft.Message.Subject, draft.Message.Html, draft.Language);
        var pdf = await renderer.RenderAsync(html, ct);
        return new LetterDraft(FileName(customer.Code, level.Code, day), pdf);
    }

    public static string FileName(string customerCode, string levelCode, DateOnly day)
    {
        var safe = new string([.. (customerCode + "-" + levelCode).Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_')]);
        return safe + "-" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture) + ".pdf";
    }

    /// <summary>The letter as a print-ready HTML page.</summary>
    public static string Document(string companyName, string customerName, string customerCode, string? contactName, DateOnly day, string subject,
        string bodyHtml, string language)
    {
        var zh = language != "en";
        var e = (string s) => WebUtility.HtmlEncode(s);
        var date = zh ? day.ToString("yyyy年M月d日", CultureInfo.InvariantCulture) : day.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en-GB"));
        var to = zh ? $"致：{e(customerName)}（客户编号 {e(customerCode)}）" : $"To: {e(customerName)} (customer {e(customerCode)})";
        var attention = contactName is { Length: > 0 } ? $"<div>{(zh ? "收件人：" : "Attn: ")}{e(contactName)}</div>" : "";
        var sign = zh ? $"{e(companyName)}<br>应收账款部" : $"{e(companyName)}<br>Accounts Receivable";
        return "<!DOCTYPE html><html lang=\"" + (zh ? "zh-CN" : "en") + "\"><head><meta charset=\"utf-8\"><title>" + e(subject) + "</title><style>"
            + "@page{size:A4;margin:22mm 20mm 20mm 20mm}"
            // One face of one font: each face a PDF embeds costs Chromium some 80 ms per letter to subset from the 20 MB
            // Noto CJK collection, so the letter sets itself apart by size, spacing and rules, not by a bold face.
            + "body{font-family:'Noto Sans CJK SC',sans-serif;font-size:11pt;line-height:1.65;color:#111;margin:0;font-weight:400;font-synthesis:none}"
            + "b,strong,th,h1,tfoot td{font-weight:400}"
            + ".head{border-bottom:2px solid #333;padding-bottom:6px;margin-bottom:18px;display:flex;justify-content:space-between;align-items:flex-end}"
            + ".head .co{font-size:17pt;letter-spacing:1px}.meta{margin-bottom:16px}"
            + "h1{font-size:15pt;letter-spacing:2px;text-align:center;margin:18px 0}"
            + "table.items{border-collapse:collapse;width:100%;margin:10px 0}table.items th,table.items td{border:1px solid #999;padding:4px 8px}"
            + "table.items th{background:#eee}.num{text-align:right}tfoot td{border-top:2px solid #333;background:#f6f6f6}"
            + ".sign{margin-top:36px;text-align:right}p{margin:0 0 8px}"
            + "</style></head><body>"
            + "<div class=\"head\"><div class=\"co\">" + e(companyName) + "</div><div>" + date + "</div></div>"
            + "<div class=\"meta\"><div>" + to + "</div>" + attention + "</div>"
            + "<h1>" + e(subject) + "</h1>"
            + "<div class=\"body\">" + bodyHtml + "</div>"
            + "<div class=\"sign\">" + sign + "<br>" + date + "</div>"
            + "</body></html>";
    }
}
