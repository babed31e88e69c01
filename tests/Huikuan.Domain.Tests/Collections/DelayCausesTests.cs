using Huikuan.Domain.Collections;

namespace Huikuan.Domain.Tests.Collections;

public sealed class DelayCausesTests
{
    [Theory]
    [InlineData(DelayCause.Negligence, CollectionStrategy.ReminderCall)]
    [InlineData(DelayCause.Dissatisfaction, CollectionStrategy.ResolveDisputeFirst)]
    [InlineData(DelayCause.CashShortage, CollectionStrategy.OfferPaymentPlan)]
    [InlineData(DelayCause.Deliberate, CollectionStrategy.Escalate)]
    [InlineData(DelayCause.InvoiceNotReceived, CollectionStrategy.ResendInvoice)]
    [InlineData(DelayCause.InternalProcess, CollectionStrategy.FollowApproval)]
    public void EachCause_HasItsDefaultStrategy(DelayCause cause, CollectionStrategy strategy) =>
        Assert.Equal(strategy, DelayCauses.DefaultStrategy(cause));

    [Fact]
    public void Codes_AreCamelCase_AndReadBack()
    {
        Assert.Equal("cashShortage", DelayCauses.Code(DelayCause.CashShortage));
        Assert.Equal(DelayCause.InvoiceNotReceived, DelayCauses.Parse<DelayCause>("invoiceNotReceived"));
        Assert.Null(DelayCauses.Parse<DelayCause>("CashShortage"));
        Assert.Null(DelayCauses.Parse<CollectionStrategy>(null));
    }
}
