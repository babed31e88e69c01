using System.Text.Json;
using static Huikuan.Statements.Tests.Mt940.SampleFilesTests;

namespace Huikuan.Statements.Tests.Mt940;

/// <summary>One transaction of the reference parser's expectation, compared as far as the model can say the same.</summary>
internal static class ExpectedLine
{
    public static void AssertMatches(JsonElement expected, StatementLine line, string where)
    {
        var status = expected.GetProperty("status").GetString()!;
        Assert.True(status == line.Details["61.mark"], $"{where}: status {line.Details["61.mark"]}, expected {status}");
        Assert.Equal(status[0] == 'R', line.Reversal);
        AssertAmount(expected, line, status, where);
        Assert.Equal(Date(expected.GetProperty("date")), line.ValueDate);
        Assert.Equal(
            expected.TryGetProperty("entry_date", out var entry) ? Date(entry) : null,
            line.BookingDate);
        Assert.Equal(Text(expected, "id"), line.TransactionCode);
        AssertReferences(expected, line, where);
        if (expected.TryGetProperty("transaction_details", out var details))
        {
            Assert.Equal(details.GetString(), line.Details.GetValueOrDefault("86"));
        }
        if (Text(expected, "end_to_end_reference") is { } endToEnd)
        {
            Assert.Equal(endToEnd, line.EndToEndId);
        }
        if (Text(expected, "applicant_name") is { } name)
        {
            Assert.Equal(name, line.CounterpartyName);
        }
    }

    /// <summary>
    /// The reference parser keeps a reversal's amount positive whatever its direction; the model signs it by its
    /// effect (RC takes money out, RD puts it back), so for reversals the size is compared and the sign checked apart.
    /// </summary>
    private static void AssertAmount(JsonElement expected, StatementLine line, string status, string where)
    {
        var amount = expected.GetProperty("amount");
        var value = Amount(amount.GetProperty("amount"));
        var signed = status switch
        {
            "RC" => -Math.Abs(value),
            "RD" => Math.Abs(value),
            _ => value,
        };
        Assert.True(signed == line.Amount, $"{where}: amount {line.Amount}, expected {signed}");
        if (Text(amount, "currency") is { } currency)
        {
            Assert.Equal(currency, line.Currency);
        }
    }

    /// <summary>
    /// The reference parser reads at most 16 characters of customer reference including any //, so a long bank reference
    /// spills into its customer reference and supplementary details ("NONREF//07247103" + "33343453", "MEBB/" +
    /// "/9A46…"); the model follows the standard (customer reference, // and a bank reference of up to 16), so such lines
    /// compare the text as a whole.
    /// It also appends a KREF+ found in the :86: purpose to the customer reference after a line break; that part is the
    /// :86: text's, which is compared on its own.
    /// </summary>
    private static void AssertReferences(JsonElement expected, StatementLine line, string where)
    {
        var customer = Text(expected, "customer_reference")?.Trim();
        var bank = Text(expected, "bank_reference");
        if (customer is not null && customer.Contains('/', StringComparison.Ordinal))
        {
            var theirs = customer.Split('\n')[0] + Text(expected, "extra_details");
            var ours = Joined(line);
            Assert.True(theirs == ours, $"{where}: references {ours}, expected {theirs}");
            return;
        }
        if (customer is null && line.CustomerReference is not null)
        {
            AssertReferencesItCouldNotRead(expected, line, where);
            return;
        }
        Assert.True(
            customer == line.CustomerReference, $"{where}: customer reference {line.CustomerReference}, expected {customer}");
        Assert.True(bank == line.BankReference, $"{where}: bank reference {line.BankReference}, expected {bank}");
        var extra = Text(expected, "extra_details");
        Assert.Equal(string.IsNullOrEmpty(extra) ? null : extra, line.Details.GetValueOrDefault("61.supplementary"));
    }

    /// <summary>
    /// In the SEPA samples the reference parser reads no customer reference where it holds a space ("TFNr 40005 MSGID")
    /// or precedes a 16-character bank reference, and then keeps only the tail of the line; the model reads the field as
    /// the standard lays it out, so the check is that what the reference parser did read is how our line ends.
    /// </summary>
    private static void AssertReferencesItCouldNotRead(JsonElement expected, StatementLine line, string where)
    {
        var theirs = Text(expected, "bank_reference") + Text(expected, "extra_details");
        var ours = Joined(line);
        Assert.True(ours.EndsWith(theirs, StringComparison.Ordinal), $"{where}: references {ours}, to end with {theirs}");
    }

    private static string Joined(StatementLine line) =>
        $"{line.CustomerReference}//{line.BankReference}{line.Details.GetValueOrDefault("61.supplementary")}";
}
