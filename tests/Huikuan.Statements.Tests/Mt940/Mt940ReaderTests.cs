using System.Text;
using Huikuan.Statements.Mt940;

namespace Huikuan.Statements.Tests.Mt940;

/// <summary>The reader's rules, one small file each.</summary>
public sealed class Mt940ReaderTests
{
    private const string Header = ":20:STMT1\n:25:NL91ABNA0417164300\n:28C:1/1\n:60F:C261201EUR100,00\n";

    internal static IReadOnlyList<BankStatement> Read(string text) =>
        Mt940Reader.Read(new MemoryStream(Encoding.UTF8.GetBytes(text)));

    private static StatementLine OnlyLine(string text) => Assert.Single(Assert.Single(Read(text)).Lines);

    [Fact]
    public void EntryDate_InJanuary_ForAValueDateInDecember_IsInTheNextYear()
    {
        var line = OnlyLine(":20:X\n:61:2612310102C1,00NTRFNONREF\n");

        Assert.Equal((new DateOnly(2026, 12, 31), new DateOnly(2027, 1, 2)), (line.ValueDate, line.BookingDate));
    }

    [Fact]
    public void EntryDate_InDecember_ForAValueDateInJanuary_IsInThePreviousYear()
    {
        var line = OnlyLine(":20:X\n:61:2701021231D1,00NTRFNONREF\n");

        Assert.Equal((new DateOnly(2027, 1, 2), new DateOnly(2026, 12, 31)), (line.ValueDate, line.BookingDate));
    }

    [Fact]
    public void EntryDate_Missing_LeavesTheBookingDateEmpty()
    {
        Assert.Null(OnlyLine(":20:X\n:61:261201C1,00NTRFNONREF\n").BookingDate);
    }

    [Theory]
    [InlineData("C", "12,50", false)]
    [InlineData("D", "-12,50", false)]
    [InlineData("RC", "-12,50", true)]
    [InlineData("RD", "12,50", true)]
    public void Mark_SignsTheAmountByItsEffectOnTheAccount(string mark, string expected, bool reversal)
    {
        var line = OnlyLine($":20:X\n:61:2612011201{mark}12,50NTRFNONREF\n");

        var amount = decimal.Parse(expected.Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal((amount, reversal), (line.Amount, line.Reversal));
    }

    [Fact]
    public void FundsCode_AfterTheMark_IsNotPartOfTheAmount()
    {
        var line = OnlyLine(":20:X\n:61:2612011201CR300,NTRFREF1//BANK1\n");

        Assert.Equal((300m, "R", "NTRF", "REF1", "BANK1"),
            (line.Amount, line.Details["61.funds"], line.TransactionCode, line.CustomerReference, line.BankReference));
    }

    [Theory]
    [InlineData("380115,12", "380115.12")]
    [InlineData("380115,1", "380115.1")]
    [InlineData("380115,", "380115")]
    [InlineData("0,12", "0.12")]
    [InlineData("00,12", "0.12")]
    [InlineData("001,12", "1.12")]
    [InlineData("000000001213,28", "1213.28")]
    public void Amount_InItsOddFormats_IsExact(string written, string expected)
    {
        var statement = Assert.Single(Read($":60F:D261201EUR{written}\n"));

        Assert.Equal(-decimal.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), statement.Opening!.Amount);
    }

    [Fact]
    public void SupplementaryDetails_OnTheNextLine_AreKept()
    {
        var line = OnlyLine(":20:X\n:61:2612011201C1,00NTRFNONREF//B1\n911-TRANSAKCJA IPH\n");

        Assert.Equal("911-TRANSAKCJA IPH", line.Details["61.supplementary"]);
    }

    [Fact]
    public void Information_WrappedOverLines_IsOneTextWithoutThePadding()
    {
        var line = OnlyLine(":20:X\n:61:2612011201C1,00NTRFNONREF\n:86:INVOICE 2026-0042   \n PAID IN FULL\n\n");

        Assert.Equal("INVOICE 2026-0042\n PAID IN FULL", line.RemittanceText);
    }

    [Fact]
    public void Information_WithSubFields_GivesCounterpartyPurposeAndSepaReferences()
    {
        var line = OnlyLine(":20:X\n:61:2612011201C1,00NTRFNONREF\n" +
            ":86:166?00GUTSCHRIFT?100399?20EREF+E2E-1?21SVWZ+Invoice 42 a\n" +
            "nd 43?30DRESDEFF508?31DE14508800500194785000?32KARL?33 KAUFMANN\n");

        Assert.Equal(("E2E-1", "Invoice 42 and 43", "KARL KAUFMANN", "DE14508800500194785000", "DRESDEFF508"),
            (line.EndToEndId, line.RemittanceText, line.CounterpartyName, line.CounterpartyAccount, line.CounterpartyBank));
        Assert.Equal(("166", "GUTSCHRIFT", "0399"), (line.Details["GVC"], line.Details["?00"], line.Details["?10"]));
    }

    [Fact]
    public void Information_WithTildeSeparators_IsReadLikeQuestionMarks()
    {
        var line = OnlyLine(":20:X\n:61:2612011201C1,00NTRFNONREF\n:86:020~00PRZELEW~20FV 1/12~32ACME SP Z O O\n");

        Assert.Equal(
            ("FV 1/12", "ACME SP Z O O", "PRZELEW"), (line.RemittanceText, line.CounterpartyName, line.Details["~00"]));
    }

    [Fact]
    public void Information_WithSlashCodes_GivesEndToEndIdCounterpartyAndText()
    {
        var line = OnlyLine(":20:X\n:61:2612011201C1,00NTRFNONREF\n" +
            ":86:/EREF/01-01-2013 12:00 0030000987654321/BENM//NAME/CONTRA ACCOUN\nT HOLDER/IBAN/NL91ABNA0417164300/REMI/U\n" +
            "STD//INVOICE 42/ISDT/2013-07-11\n");

        Assert.Equal(("01-01-2013 12:00 0030000987654321", "CONTRA ACCOUNT HOLDER", "NL91ABNA0417164300", "INVOICE 42"),
            (line.EndToEndId, line.CounterpartyName, line.CounterpartyAccount, line.RemittanceText));
        Assert.Equal("2013-07-11", line.Details["/ISDT"]);
    }

    [Fact]
    public void Information_Empty_LeavesTheTextEmpty()
    {
        var line = OnlyLine(":20:X\n:61:2612011201C1,00NTRFNONREF\n:86:\n:62F:C261201EUR1,00\n");

        Assert.Null(line.RemittanceText);
    }

    [Fact]
    public void TwoStatements_InOneFile_AreTwo_EachWithItsOwnLinesAndBalances()
    {
        var statements = Read(Header + ":61:2612011201D10,00NTRFA\n:62F:C261201EUR90,00\n-\n" +
            ":20:STMT2\n:25:NL91ABNA0417164300\n:28C:2/1\n:60F:C261201EUR90,00\n:61:2612021202C5,00NTRFB\n" +
            ":62F:C261202EUR95,00\n-");

        Assert.Equal(["STMT1", "STMT2"], statements.Select(s => s.StatementId));
        Assert.Equal([-10m, 5m], statements.SelectMany(s => s.Lines).Select(l => l.Amount));
        Assert.All(statements, s => Assert.Empty(s.Warnings));
        Assert.Equal((90m, 95m), (statements[0].Closing!.Amount, statements[1].Closing!.Amount));
    }

    [Fact]
    public void SwiftEnvelopes_AreUnwrapped_AndA942MakesAnInterimReport()
    {
        var statements = Read("{1:F01BANKBEBBAXXX0000000000}{2:O9421200261201BANKBEBBAXXX00000000002612011200N}{4:\n" +
            ":20:R1\n:25:BE68539007547034\n:28C:1\n:34F:EUR0,\n:13D:2612011815+0100\n" +
            ":61:2612011201C1,00NTRFNONREF\n-}\n" +
            "{1:F01BANKBEBBAXXX0000000000}{2:O9401200261201BANKBEBBAXXX00000000002612011200N}{4:\n" +
            Header + ":62F:C261201EUR100,00\n-}{5:{CHK:123456789ABC}}");

        Assert.Equal([StatementFormat.Mt942, StatementFormat.Mt940], statements.Select(s => s.Format));
        Assert.Equal(("BE68539007547034", "EUR"), (statements[0].Account, statements[0].Currency));
        Assert.Equal(new DateTimeOffset(2026, 12, 1, 18, 15, 0, TimeSpan.FromHours(1)), statements[0].CreatedAt);
    }

    /// <summary>
    /// A prefix before / is sometimes a BIC, sometimes a German bank code, sometimes a name ("TRIODOSBANK/…"); the
    /// account is kept as the bank wrote it, which is how the bank's other files and its customers name it too.
    /// </summary>
    [Theory]
    [InlineData("DEUTDEFF/DE89370400440532013000")]
    [InlineData("DE89370400440532013000")]
    [InlineData("51210600/9223382012EUR")]
    public void Account_WithOrWithoutThePrefixOfItsBank_IsKeptAsWritten(string written)
    {
        Assert.Equal(written, Assert.Single(Read($":20:X\n:25:{written}  \n")).Account);
    }

    [Theory]
    [InlineData("2612011815+1459")]
    [InlineData("2612012515+0100")]
    [InlineData("2613011815+0100")]
    public void CreationTime_ThatCannotBe_IsLeftOut(string written)
    {
        Assert.Null(Assert.Single(Read($":20:X\n:13D:{written}\n")).CreatedAt);
    }

    [Fact]
    public void EnvelopeMarkers_RepeatedOnOneLine_AreReadWithoutRecursion()
    {
        var text = "{1:F01}{2:O940}" + string.Concat(Enumerable.Repeat("{4:", 200_000)) + "\n:20:X\n";

        Assert.Equal("X", Assert.Single(Read(text)).StatementId);
    }

    [Fact]
    public void Information_WithABraceAtTheStartOfALine_IsText_NotAnEnvelope()
    {
        var line = OnlyLine(":20:X\n:61:2612011201C1,00NTRFNONREF\n:86:ORDER\n{REF 42}\n");

        Assert.Equal("ORDER\n{REF 42}", line.RemittanceText);
    }

    [Fact]
    public void File_InLatin1_ReadsItsUmlauts_WhenTheEncodingIsGiven()
    {
        var bytes = Encoding.Latin1.GetBytes(":20:X\n:61:2612011201C1,00NTRFNONREF\n:86:166?20M\u00fcller Gr\u00fc\u00dfe\n");

        var line = Assert.Single(Assert.Single(Mt940Reader.Read(new MemoryStream(bytes), Encoding.Latin1)).Lines);

        Assert.Equal("M\u00fcller Gr\u00fc\u00dfe", line.RemittanceText);
    }

    [Theory]
    [InlineData("2PLN3,00", "0PLN0,00", false)]
    [InlineData("2PLN3,01", "0PLN0,00", true)]
    [InlineData("1PLN3,00", "0PLN0,00", true)]
    [InlineData("2PLN3,00", "1PLN0,50", true)]
    public void InterimReport_WhoseEntrySumsDifferFromItsLines_IsReadWithAWarning(string credits, string debits, bool warns)
    {
        var statement = Assert.Single(Read(":20:X\n:34F:PLN0,\n:61:2612011201C1,00NTRFA\n:61:2612011201C2,00NTRFB\n" +
            $":90D:{debits}\n:90C:{credits}\n"));

        Assert.Equal(warns, statement.Warnings.Any(w => w.Code == "statement.sumsDiffer"));
        Assert.All(statement.Warnings, w => Assert.Equal(5, w.Values.Count));
    }

    [Fact]
    public void Balances_AreSignedAndKnowTheirKind()
    {
        var statement = Assert.Single(Read(":20:X\n:60M:D261201EUR5,00\n:62M:D261201EUR5,00\n:64:C261201EUR7,00\n" +
            ":65:C261202EUR8,00\n"));

        Assert.Equal(
            [(BalanceKind.InterimOpening, -5m), (BalanceKind.InterimClosing, -5m), (BalanceKind.ClosingAvailable, 7m),
                (BalanceKind.ForwardAvailable, 8m)],
            statement.Balances.Select(b => (b.Kind, b.Amount)));
    }

    [Fact]
    public void Statement_ThatDoesNotBalance_IsReadWithAWarning()
    {
        var statement = Assert.Single(Read(Header + ":61:2612011201D10,00NTRFA\n:62F:C261201EUR95,00\n"));

        var warning = Assert.Single(statement.Warnings);
        Assert.Equal("statement.unbalanced", warning.Code);
        Assert.Equal(["100", "-10", "90", "95", "EUR"], warning.Values);
        Assert.Single(statement.Lines);
    }

    [Fact]
    public void File_WithoutFinalNewline_OrWithCarriageReturns_ReadsTheSame()
    {
        var text = Header + ":61:2612011201D10,00NTRFA\n:62F:C261201EUR90,00";

        Assert.Equal(Read(text)[0].Closing, Read(text.Replace("\n", "\r\n", StringComparison.Ordinal))[0].Closing);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Date;Amount;Text\n2026-12-01;100.00;Invoice 42\n")]
    [InlineData("%PDF-1.7\n")]
    public void File_ThatIsNotMt940_IsRefused(string text)
    {
        var refused = Assert.Throws<StatementFormatException>(() => Read(text));

        Assert.NotNull(refused.LineNumber);
    }

    [Theory]
    [InlineData(":61:2613011201C1,00NTRF", 3)]
    [InlineData(":61:261201X1,00NTRF", 3)]
    [InlineData(":60F:C261201EUR1,0,0", 2)]
    [InlineData(":62F:C2612", 3)]
    public void Field_ThatCannotBeRead_IsRefusedWithItsLine(string field, int line)
    {
        var text = field.StartsWith(":60F:", StringComparison.Ordinal)
            ? $":20:X\n{field}\n:62F:C261201EUR1,00\n"
            : $":20:X\n:60F:C261201EUR1,00\n{field}\n";

        Assert.Equal(line, Assert.Throws<StatementFormatException>(() => Read(text)).LineNumber);
    }

    [Fact]
    public void LargeFile_OfTenThousandLines_IsReadCompletely()
    {
        var text = new StringBuilder(Header);
        for (var i = 0; i < 4_999; i++)
        {
            text.Append(":61:2612011201C1,00NTRFREF").Append(i).Append("\n:86:PAYMENT ").Append(i).Append('\n');
        }
        text.Append(":62F:C261201EUR5099,00\n");

        var statement = Assert.Single(Read(text.ToString()));

        Assert.Equal((4_999, 5_099m), (statement.Lines.Count, statement.Closing!.Amount));
        Assert.Empty(statement.Warnings);
    }
}
