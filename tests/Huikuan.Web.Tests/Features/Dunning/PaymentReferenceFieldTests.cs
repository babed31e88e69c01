using Huikuan.Domain.Templates;
using Huikuan.Web.Features.Dunning;

namespace Huikuan.Web.Tests.Features.Dunning;

/// <summary>
/// A letter names the payment reference of each invoice it lists: a column of the items table, a part of each item line,
/// and the merge field {{paymentReference}} (each invoice once) for the template's own sentence or an SMS.
/// </summary>
public sealed class PaymentReferenceFieldTests
{
    private static readonly DateOnly Day = new(2026, 12, 6);

    private static MergeValues Values(params MessageItem[] items) =>
        new("华东贸易", "C00001", null, "测试公司", Day, null, items, LetterCharges.None("CNY"), 0, null, null, null);

    [Fact]
    public void TheItemsTableAndLines_CarryEachInvoicesReference_AndTheFieldNamesEachInvoiceOnce()
    {
        var text = new MessageText("付款参考号 {{paymentReference}}", "{{items}}\n\n付款时请注明 {{paymentReference}}。", "请注明 {{paymentReference}}");
        var values = Values(
            new MessageItem("INV-000123", Day, 0, "CNY", 100_00),
            new MessageItem("INV-000123", Day.AddMonths(1), 0, "CNY", 100_00),
            new MessageItem("INV-000124", Day, 0, "CNY", 50_00));

        var message = MessageComposer.Compose(text, "zh-CN", values);

        Assert.Equal("付款参考号 RF73INV000123, RF46INV000124", message.Subject);
        Assert.Equal("请注明 RF73INV000123, RF46INV000124", message.Sms);
        Assert.Contains("<th>付款参考号</th>", message.Html, StringComparison.Ordinal);
        Assert.Contains("<td>RF73INV000123</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains("<td>RF46INV000124</td>", message.Html, StringComparison.Ordinal);
        Assert.Contains("付款参考号 RF46INV000124", message.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void AnEnglishLetter_NamesTheReferenceInEnglish_AndANumberThatCannotMakeOneLeavesItOut()
    {
        var text = new MessageText("Invoices", "{{items}}\n\nPlease quote {{paymentReference}}.", "");
        var message = MessageComposer.Compose(text, "en", Values(new MessageItem("应收-1", Day, 0, "CNY", 100_00), new MessageItem("INV-000123", Day, 0, "CNY", 1)));

        Assert.Contains("Please quote RF73INV000123.", message.Text, StringComparison.Ordinal);
        Assert.Contains("<th>Payment reference</th>", message.Html, StringComparison.Ordinal);
        Assert.Contains("payment reference RF73INV000123", message.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("payment reference RF", message.Text.Split('\n')[0], StringComparison.Ordinal);
    }

    [Fact]
    public void TheField_IsATemplateField() => Assert.Equal(["paymentReference"], MergeTemplate.Parse("{{ paymentReference }}", "body").FieldsUsed);
}
