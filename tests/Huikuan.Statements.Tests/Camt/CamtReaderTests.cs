using System.Text;
using Huikuan.Statements.Camt;
using static Huikuan.Statements.Tests.Camt.CamtFile;

namespace Huikuan.Statements.Tests.Camt;

public sealed class CamtReaderTests
{
    [Fact]
    public void BatchBooking_OfThreeTransactions_IsSplitIntoThreeLinesThatSumToTheEntry()
    {
        var batch = "<NtryDtls><Btch><MsgId>B-7</MsgId></Btch>"
                    + Transaction(100.10m, "E1", "Alpha") + Transaction(200.20m, "E2", "Beta")
                    + Transaction(50.05m, "E3", "Gamma") + "</NtryDtls>";

        var statement = Assert.Single(Read(Statement(Entry(350.35m, batch))));

        Assert.Equal([100.10m, 200.20m, 50.05m], statement.Lines.Select(l => l.Amount));
        Assert.Equal(350.35m, statement.Lines.Sum(l => l.Amount));
        Assert.Equal([0, 1, 2], statement.Lines.Select(l => l.Index));
        var second = statement.Lines[1];
        Assert.Equal(("E2", "I-E2", "Beta", "6222E2"),
            (second.EndToEndId, second.CustomerReference, second.CounterpartyName, second.CounterpartyAccount));
        Assert.Equal(("Invoice E2", "R1", "B-7"), (second.RemittanceText, second.BankReference, second.Details["BatchMsgId"]));
        Assert.Equal((new DateOnly(2026, 12, 1), new DateOnly(2026, 12, 2)), (second.BookingDate, second.ValueDate));
        Assert.Equal("PMNT/RCDT/ESCT", second.TransactionCode);
    }

    [Fact]
    public void BatchBooking_WhosePartsDoNotAddUp_StaysOneLine_WithAWarning()
    {
        var batch = "<NtryDtls>" + Transaction(1m, "E1", "Alpha") + Transaction(2m, "E2", "Beta") + "</NtryDtls>";

        var statement = Assert.Single(Read(Statement(Entry(4m, batch))));

        var line = Assert.Single(statement.Lines);
        Assert.Equal((4m, "2"), (line.Amount, line.Details["NbOfTxDtls"]));
        var warning = Assert.Single(statement.Warnings, w => w.Code == "entry.batch-unsplit");
        Assert.Equal(0, warning.Line);
        Assert.Equal(["2", "4", "CNY"], warning.Values);
    }

    [Fact]
    public void NetBatch_WithAPartGoingTheOtherWay_IsSplitByThePartsOwnSigns()
    {
        var refund = Transaction(30m, "E2", "Beta").Replace("<CdtDbtInd>CRDT", "<CdtDbtInd>DBIT", StringComparison.Ordinal);
        var batch = "<NtryDtls>" + Transaction(100m, "E1", "Alpha") + refund + "</NtryDtls>";

        var statement = Assert.Single(Read(Statement(Entry(70m, batch))));

        Assert.Equal([100m, -30m], statement.Lines.Select(l => l.Amount));
    }

    [Fact]
    public void Reversal_IsMarked_AndSignedByItsEffectOnTheAccount()
    {
        // A returned direct debit: the original took money out, its reversal is a credit.
        var statement = Assert.Single(Read(Statement(Entry(-80m, reference: "D1") + Entry(80m, reversal: true))));

        Assert.Equal([(-80m, false), (80m, true)], statement.Lines.Select(l => (l.Amount, l.Reversal)));
    }

    [Fact]
    public void DebitOpeningBalance_IsNegative_AndTheStatementBalances()
    {
        var body = Balance("OPBD", -500m) + Balance("CLBD", -380m) + Entry(119.5m) + Entry(0.5m);

        var statement = Assert.Single(Read(Statement(body)));

        Assert.Equal((-500m, -380m), (statement.Opening!.Amount, statement.Closing!.Amount));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void Statement_ThatDoesNotBalance_IsRead_WithAWarning()
    {
        var statement = Assert.Single(Read(Statement(Balance("OPBD", 10m) + Balance("CLBD", 30m) + Entry(15m))));

        Assert.Single(statement.Lines);
        var warning = Assert.Single(statement.Warnings);
        Assert.Equal("statement.unbalanced", warning.Code);
        Assert.Equal(["10", "15", "25", "30", "CNY"], warning.Values);
    }

    [Fact]
    public void PreviouslyClosedBalance_IsTheOpening_WhenThereIsNoOpeningBooked()
    {
        var statement = Assert.Single(Read(Statement(Balance("PRCD", 10m) + Balance("CLBD", 25m) + Entry(15m))));

        Assert.Equal(("PRCD", 10m), (statement.Opening!.Code, statement.Opening.Amount));
        Assert.Empty(statement.Warnings);
    }

    [Fact]
    public void AnyVersionNamespace_IsRead_ByItsElementNames()
    {
        var statement = Assert.Single(Read(Statement(Entry(1.23456m), "urn:iso:std:iso:20022:tech:xsd:camt.053.001.13")));

        Assert.Equal((StatementFormat.Camt053, "6222000011112222", "CNY", "Huikuan Trading"),
            (statement.Format, statement.Account, statement.Currency, statement.AccountName));
        Assert.Equal(1.23456m, Assert.Single(statement.Lines).Amount);
    }

    [Fact]
    public void MessageWithoutStatements_IsRejected()
    {
        // camt053.v2.wrong.xml: a group header and no Stmt at all, so nothing in it could be imported.
        using var wrong = File.OpenRead(CamtSamples.PathOf("camt053.v2.wrong.xml"));

        var error = Assert.Throws<StatementFormatException>(() => CamtReader.Read(wrong));
        Assert.Contains("no Stmt", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("<html><body>not a statement</body></html>")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.09\"><CstmrCdtTrfInitn/></Document>")]
    [InlineData("")]
    [InlineData("MT940\n:20:REF\n")]
    public void FileThatIsNotCamt_IsRejected(string text) =>
        Assert.Throws<StatementFormatException>(() => Read(text));

    [Fact]
    public void BrokenXml_IsRejected_WithItsLineNumber()
    {
        var broken = Statement(Entry(1m)).Replace("</Ntry>", "</Ntr>", StringComparison.Ordinal);

        var error = Assert.Throws<StatementFormatException>(() => Read(broken));

        Assert.NotNull(error.LineNumber);
    }

    [Theory]
    [InlineData("<Amt Ccy=\"CNY\">12,50</Amt>")]
    [InlineData("<Amt Ccy=\"CNY\">-12.50</Amt>")]
    [InlineData("<Amt Ccy=\"CNY\">1E3</Amt>")]
    [InlineData("<Amt>12.50</Amt>")]
    public void EntryWithAnAmountNotAsIsoWritesIt_IsRejected_WithItsLine(string amount)
    {
        var file = Statement(Entry(12.5m)).Replace("<Amt Ccy=\"CNY\">12.5</Amt>", amount, StringComparison.Ordinal);

        var error = Assert.Throws<StatementFormatException>(() => Read(file));

        Assert.Equal(6, error.LineNumber); // the entry's first line in CamtFile.Statement
    }

    [Fact]
    public void EntityExpansion_IsRefused()
    {
        const string bomb = """
            <?xml version="1.0"?>
            <!DOCTYPE Document [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;">
              <!ENTITY c "&b;&b;&b;&b;&b;&b;&b;&b;&b;&b;"><!ENTITY d "&c;&c;&c;&c;&c;&c;&c;&c;&c;&c;">]>
            <Document><BkToCstmrStmt><Stmt><Id>&d;</Id></Stmt></BkToCstmrStmt></Document>
            """;

        Assert.Throws<StatementFormatException>(() => Read(bomb));
    }

    [Fact]
    public void ExternalEntity_IsRefused_AndNoLocalFileIsRead()
    {
        var secret = Path.GetTempFileName();
        File.WriteAllText(secret, "SECRET-CONTENT");
        try
        {
            var xxe = $"""
                <?xml version="1.0"?>
                <!DOCTYPE Document [<!ENTITY x SYSTEM "file://{secret}">]>
                <Document><BkToCstmrStmt><Stmt><Id>&x;</Id></Stmt></BkToCstmrStmt></Document>
                """;

            var error = Assert.Throws<StatementFormatException>(() => Read(xxe));
            Assert.DoesNotContain("SECRET", error.ToString(), StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public void StatementOfTenThousandEntries_IsReadWhole()
    {
        var body = new StringBuilder(Balance("OPBD", 0m) + Balance("CLBD", 10_000m));
        for (var i = 0; i < 10_000; i++)
        {
            body.Append(Entry(1m, reference: $"R{i}"));
        }

        var statement = Assert.Single(Read(Statement(body.ToString())));

        Assert.Equal(10_000, statement.Lines.Count);
        Assert.Equal("R9999", statement.Lines[^1].BankReference);
        Assert.Empty(statement.Warnings);
    }
}
