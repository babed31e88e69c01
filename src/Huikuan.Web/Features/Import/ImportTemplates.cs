using System.Globalization;
using System.Text;

namespace Huikuan.Web.Features.Import;

/// <summary>
/// A CSV to start from for each import: the header row of the kind's layout (the English keys, or the first Chinese
/// name when the reader's language is Chinese) and one example row, in UTF-8 with a BOM so that Excel reads the
/// Chinese correctly. The example is a valid row; delete it before filling in your own.
/// </summary>
public static class ImportTemplates
{
    public static readonly string[] Kinds = ["customers", "invoices", "receipts"];

    public static IReadOnlyList<ImportColumn>? Layout(string kind) => kind switch
    {
        "customers" => ImportLayouts.Customers,
        "invoices" => ImportLayouts.Invoices,
        "receipts" => ImportLayouts.Receipts,
        _ => null,
    };

    /// <summary>The header as the template writes it: the first Chinese spelling, or the key.</summary>
    public static string Header(ImportColumn column, bool chinese)
    {
        ArgumentNullException.ThrowIfNull(column);
        return chinese ? column.Headers.FirstOrDefault(h => h.Any(c => c > 127)) ?? column.Key : column.Key;
    }

    /// <summary>The other spellings the import accepts for the column, for the column reference.</summary>
    public static IEnumerable<string> Aliases(ImportColumn column)
    {
        ArgumentNullException.ThrowIfNull(column);
        return column.Headers.Where(h => h != column.Key);
    }

    public static byte[] Csv(string kind, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(culture);
        var layout = Layout(kind) ?? throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not an import kind.");
        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        return Csv(layout, Example(kind, chinese), culture);
    }

    /// <summary>The template of any layout (the exchange rates' too): its header row in the reader's language and the example row.</summary>
    public static byte[] Csv(IReadOnlyList<ImportColumn> layout, IReadOnlyDictionary<string, string> example, CultureInfo culture)
    {
        ArgumentNullException.ThrowIfNull(layout);
        ArgumentNullException.ThrowIfNull(example);
        ArgumentNullException.ThrowIfNull(culture);
        var chinese = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var text = new StringBuilder()
            .AppendJoin(',', layout.Select(c => Header(c, chinese))).Append("\r\n")
            .AppendJoin(',', layout.Select(c => example.GetValueOrDefault(c.Key, ""))).Append("\r\n")
            .ToString();
        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];
    }

    private static Dictionary<string, string> Example(string kind, bool chinese) => kind switch
    {
        "customers" => new() { ["code"] = "C001", ["name"] = chinese ? "上海明达机械有限公司" : "Acme Trading Ltd", ["currency"] = "CNY", ["tax_id"] = "91310000MA1FL0XX1" },
        "invoices" => new()
        {
            ["number"] = "INV-0001", ["customer_code"] = "C001", ["invoice_date"] = "2026-08-01", ["due_date"] = "2026-08-31",
            ["amount"] = "11300.00", ["open_amount"] = "11300.00", ["currency"] = "CNY",
        },
        _ => new()
        {
            ["customer_code"] = "C001", ["received_on"] = "2026-09-15", ["amount"] = "3000.00", ["currency"] = "CNY",
            ["method"] = chinese ? "银行转账" : "BankTransfer", ["payer_reference"] = "INV-0001", ["bank_reference"] = "BANK-0001",
        },
    };
}
