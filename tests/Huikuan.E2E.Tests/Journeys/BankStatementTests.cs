using System.Text;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class BankStatementTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task Accountant_SetsUpTheAccount_ImportsAFileTwice_AndMarksTheFeeAsNotReceivables()
    {
        await using var session = await chromium.NewSessionAsync(server);
        await new SignInPage(session.Page).SignInAsync("Accountant");
        var number = "6225" + Random.Shared.Next(10_000_000, 99_999_999).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var accounts = new BankAccountsPage(session.Page);
        await accounts.OpenAsync();
        await Expect(accounts.Heading).ToHaveTextAsync("银行账户");

        await accounts.AddAsync("招行基本户", number, "CNY");

        await Expect(accounts.Rows.Filter(new() { HasText = number })).ToHaveCountAsync(1);
        await accounts.ScreenshotAsync("bank-accounts");

        var statements = new BankStatementsPage(session.Page);
        await statements.OpenAsync();
        await Expect(statements.Heading).ToHaveTextAsync("银行流水");
        var file = Encoding.UTF8.GetBytes($":20:E2E\r\n:25:{number}\r\n:28C:1/1\r\n:60F:C261118CNY1000,00\r\n"
            + ":61:2611181118C1200,50NTRFNONREF//E2E-1\r\n:86:上海甲公司 货款\r\n"
            + ":61:2611191119D35,00NCHGNONREF//E2E-2\r\n:86:手续费\r\n"
            + ":61:2611201120C88000,00NTRFNONREF//E2E-3\r\n:86:北京乙公司\r\n:62F:C261120CNY90165,50\r\n-\r\n");
        await statements.ChooseFileAsync("cmb.sta", file);
        await Expect(statements.Chosen).ToContainTextAsync("cmb.sta");
        await statements.Import.ClickAsync();
        await Expect(statements.Result).ToContainTextAsync("新增 3 笔流水，0 笔此前已导入。");
        await Expect(statements.Result).ToContainTextAsync("自动核销 0 笔；0 笔待你确认。");

        await statements.ChooseFileAsync("cmb-again.sta", file);
        await statements.Import.ClickAsync();
        await Expect(statements.Result).ToContainTextAsync("新增 0 笔流水，3 笔此前已导入。");
        await statements.ScreenshotAsync("bank-statements");

        await statements.Rows.Filter(new() { HasText = number }).First.GetByRole(Microsoft.Playwright.AriaRole.Link).ClickAsync();
        await Expect(statements.LineRows).ToHaveCountAsync(3);
        var fee = statements.LineRows.Filter(new() { HasText = "手续费" });
        await fee.GetByTestId("line-mark").ClickAsync();
        await Expect(fee.GetByTestId("line-mark")).ToHaveCountAsync(0);
        await Expect(fee.GetByTestId("line-unmark")).ToBeVisibleAsync();

        // Neither payer is a customer: matching says so line by line, and nothing is applied.
        await session.Page.GetByTestId("statement-match").ClickAsync();
        await Expect(session.Page.GetByTestId("statement-outcome")).ToContainTextAsync("匹配完成：确定 0 笔，待确认 0 笔，未找到客户 2 笔。");
        await Expect(statements.LineRows.Filter(new() { HasText = "北京乙公司" }).GetByTestId("line-match")).ToContainTextAsync("置信度 0");
        await session.Page.GetByTestId("statement-post").ClickAsync();
        await Expect(session.Page.GetByTestId("statement-outcome")).ToContainTextAsync("已核销 0 笔");
        await statements.ScreenshotAsync("bank-statement");
    }
}
