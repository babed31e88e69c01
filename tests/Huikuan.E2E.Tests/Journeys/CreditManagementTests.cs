using System.Globalization;
using Huikuan.E2E.Tests.Infrastructure;
using Huikuan.E2E.Tests.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Huikuan.E2E.Tests.Journeys;

[Collection(BrowserCollection.Name)]
public sealed class CreditManagementTests(HuikuanServer server, Chromium chromium)
{
    [Fact]
    public async Task ASalespersonRequestsALimit_ACreditManagerApprovesIt_AndTheCustomerPageShowsTheLimitAndTheRoomLeft()
    {
        await using var seller = await chromium.NewSessionAsync(server);
        await new SignInPage(seller.Page).SignInAsync("Salesperson");
        // One of the salesperson's own customers, chosen through the API they see.
        var list = (await (await seller.Page.APIRequest.GetAsync("/api/customers?pageSize=50")).JsonAsync())!.Value.GetProperty("items");
        var candidates = list.EnumerateArray().Select(c => (Id: c.GetProperty("id").GetGuid(), Code: c.GetProperty("code").GetString()!)).ToList();
        Assert.NotEmpty(candidates);
        var customer = candidates[^1];

        var panel = new CustomerCreditPanel(seller.Page, customer.Id);
        await panel.OpenAsync();
        await Expect(panel.Standing).ToBeVisibleAsync();
        await panel.RequestLimitAsync(500_000m, "年度框架合同续签，月均采购约 20 万元");
        await Expect(panel.RequestSent).ToHaveTextAsync("额度调整已提交，等待信用经理审批。");
        await Expect(panel.RequestStatus.First).ToContainTextAsync("待审批");

        await using var manager = await chromium.NewSessionAsync(server);
        await new SignInPage(manager.Page).SignInAsync("CreditManager");
        var desk = new CreditDeskPage(manager.Page);
        await desk.OpenAsync();
        await Expect(desk.RequestFor(customer.Code)).ToContainTextAsync("500,000.00 CNY");
        // Beside the request, what the customer owes now and their limit; an approval without a note is refused.
        await Expect(desk.NowFor(customer.Code)).ToContainTextAsync("额度占用");
        await Expect(desk.NowFor(customer.Code)).ToContainTextAsync("逾期");
        await desk.ScreenshotAsync("credit-desk");
        await desk.ApproveAsync(customer.Code, note: null);
        await Expect(desk.Error).ToContainTextAsync("审批意见");
        await desk.ApproveAsync(customer.Code, "年框合同已核，同意");
        await Expect(desk.RequestFor(customer.Code)).ToHaveCountAsync(0);

        await panel.OpenAsync();
        var standing = (await (await seller.Page.APIRequest.GetAsync($"/api/customers/{customer.Id}/credit-standing")).JsonAsync())!.Value;
        Assert.Equal(500_000m, standing.GetProperty("limit").GetDecimal());
        var exposure = standing.GetProperty("exposure").GetDecimal();
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        await Expect(panel.Limit).ToHaveTextAsync("500,000.00 CNY");
        // The room left is the limit less what the customer owes now.
        await Expect(panel.Available).ToHaveTextAsync((500_000m - exposure).ToString("N2", zh) + " CNY");
        await Expect(panel.RequestStatus.First).ToContainTextAsync("已批准");
        await panel.ScreenshotAsync("credit-limit-approved");
    }

    [Fact]
    public async Task ACreditManager_SeesEachGradesPolicy_AndTheScoreWeights_WithTheirShares_AndSavesThem()
    {
        await using var manager = await chromium.NewSessionAsync(server);
        await new SignInPage(manager.Page).SignInAsync("CreditManager");
        var page = new CreditPoliciesPage(manager.Page);
        await page.OpenAsync();

        // Grade E delivers only against prepayment (款到发货); on-time payment weighs 30 of 100 points.
        await Expect(page.Policy("E").GetByRole(AriaRole.Checkbox)).ToBeCheckedAsync();
        await Expect(page.Weight("onTime")).ToContainTextAsync("按时付款率");
        await Expect(page.Weight("onTime")).ToContainTextAsync("30%");
        await page.SaveWeights.ClickAsync();
        await Expect(page.WeightsSaved).ToBeVisibleAsync();
        await page.ScreenshotAsync("credit-policies-and-weights");
    }
}
