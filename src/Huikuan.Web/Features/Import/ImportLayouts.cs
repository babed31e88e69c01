using System.Globalization;

namespace Huikuan.Web.Features.Import;

/// <summary>A column of an import file: its key, whether it must be present, and the header spellings accepted.</summary>
public sealed record ImportColumn(string Key, bool Required, params string[] Headers);

/// <summary>The column layouts of the three import files (docs/import.md shows them as tables).</summary>
public static class ImportLayouts
{
    public static readonly ImportColumn[] Customers =
    [
        new("code", true, "code", "customer_code", "客户编码", "客户代码", "客户编号"),
        new("name", true, "name", "customer_name", "客户名称", "客户名", "名称"),
        new("salesperson", false, "salesperson", "salesperson_code", "业务员", "销售员", "业务员编码"),
        new("payment_term", false, "payment_term", "payment_terms", "付款条件", "收款条件", "账期"),
        new("currency", false, "currency", "币种", "币别"),
        new("tax_id", false, "tax_id", "税号", "纳税人识别号", "统一社会信用代码"),
        new("email", false, "email", "邮箱", "电子邮件"),
        new("phone", false, "phone", "电话", "联系电话"),
    ];

    public static readonly ImportColumn[] Invoices =
    [
        new("number", true, "number", "invoice_number", "应收单号", "发票号", "单据号", "单据编号"),
        new("customer_code", true, "customer_code", "customer", "客户编码", "客户代码", "客户编号"),
        new("invoice_date", true, "invoice_date", "date", "开票日期", "单据日期"),
        new("due_date", true, "due_date", "到期日", "到期日期"),
        new("amount", true, "amount", "total", "金额", "发票金额", "价税合计"),
        new("open_amount", false, "open_amount", "open", "未收金额", "余额", "未核销金额"),
        new("currency", false, "currency", "币种", "币别"),
        new("fapiao_number", false, "fapiao_number", "fapiao", "发票号码", "金税发票号"),
        new("paid_on", false, "paid_on", "last_paid_on", "收款日期", "最后收款日期"),
        new("reference", false, "reference", "参考", "合同号", "订单号"),
    ];

    public static readonly ImportColumn[] Receipts =
    [
        new("customer_code", true, "customer_code", "customer", "客户编码", "客户代码", "客户编号"),
        new("received_on", true, "received_on", "date", "收款日期", "到账日期"),
        new("amount", true, "amount", "金额", "收款金额"),
        new("currency", false, "currency", "币种", "币别"),
        new("method", false, "method", "收款方式", "结算方式"),
        new("payer_name", false, "payer_name", "付款人", "付款单位"),
        new("payer_reference", false, "payer_reference", "付款备注", "附言", "摘要"),
        new("bank_reference", false, "bank_reference", "银行流水号", "流水号"),
        new("note", false, "note", "备注"),
        new("draft_number", false, "draft_number", "汇票号码", "票号", "票据号码"),
        new("draft_matures_on", false, "draft_matures_on", "汇票到期日", "票据到期日"),
        new("draft_acceptor", false, "draft_acceptor", "承兑人", "承兑人名称"),
        new("draft_drawer", false, "draft_drawer", "出票人", "出票人名称"),
        new("draft_issued_on", false, "draft_issued_on", "出票日期", "出票日"),
    ];

    /// <summary>Worksheet names that are taken in preference to the first sheet.</summary>
    public static string[] SheetNames(string kind) => kind switch
    {
        "customers" => ["customers", "客户"],
        "invoices" => ["invoices", "发票", "应收"],
        "receipts" => ["receipts", "收款"],
        _ => [kind],
    };

    /// <summary>"Customer Code", "customer-code" and "CUSTOMER_CODE" are the same header.</summary>
    public static string Normalize(string header) =>
        header.Trim().Trim('\uFEFF').Replace(' ', '_').Replace('-', '_').ToLowerInvariant();
}

/// <summary>Where each known column is in the file; the header text as the user wrote it, for error messages.</summary>
public sealed class ColumnMap
{
    private readonly Dictionary<string, (int Index, string Header)> _columns = new(StringComparer.Ordinal);

    public IReadOnlyList<string> Ignored { get; }

    private ColumnMap(List<string> ignored) => Ignored = ignored;

    public static ColumnMap Bind(IReadOnlyList<string> headers, IReadOnlyList<ImportColumn> layout)
    {
        ArgumentNullException.ThrowIfNull(headers);
        ArgumentNullException.ThrowIfNull(layout);
        var map = new ColumnMap([]);
        var ignored = (List<string>)map.Ignored;
        for (var i = 0; i < headers.Count; i++)
        {
            var text = headers[i]?.Trim() ?? "";
            if (text.Length == 0)
            {
                continue;
            }
            var normalized = ImportLayouts.Normalize(text);
            var column = layout.FirstOrDefault(c => c.Headers.Any(h => ImportLayouts.Normalize(h) == normalized));
            if (column is null)
            {
                ignored.Add(text);
                continue;
            }
            if (map._columns.TryGetValue(column.Key, out var first))
            {
                throw ImportFile.Problem("import.header", string.Create(CultureInfo.InvariantCulture,
                    $"The columns '{first.Header}' and '{text}' both mean {column.Key}; keep one."));
            }
            map._columns[column.Key] = (i, text);
        }
        var missing = layout.Where(c => c.Required && !map._columns.ContainsKey(c.Key)).ToList();
        if (missing.Count > 0)
        {
            throw ImportFile.Problem("import.header", "Required column(s) missing from the header row: "
                + string.Join(", ", missing.Select(c => $"{c.Key} ({string.Join(" / ", c.Headers.Where(h => h.Any(ch => ch > 127)).Take(1).Prepend(c.Key))})"))
                + ". Found: " + string.Join(", ", headers.Where(h => !string.IsNullOrWhiteSpace(h))) + ".");
        }
        return map;
    }

    public bool Has(string key) => _columns.ContainsKey(key);

    public (int Index, string Header)? Find(string key) => _columns.TryGetValue(key, out var c) ? c : null;
}
