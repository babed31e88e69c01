using Huikuan.Domain.Dunning;

namespace Huikuan.Domain.Tests.Dunning;

public sealed class PreDueRemindersTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly Guid Customer = Guid.Parse("22222222-2222-2222-2222-222222222222");

    private static ReminderItem Item(int daysLeft, long open = 100_000, Guid? customer = null) =>
        new(Guid.NewGuid(), customer ?? Customer, "CNY", Today.AddDays(daysLeft), open);

    [Theory]
    [InlineData(8, null)]
    [InlineData(7, 7)]
    [InlineData(3, 7)]   // the 7-day reminder was missed: caught up while the item is not yet due
    [InlineData(1, 1)]
    [InlineData(0, null)] // due today: that is for dunning after the day, not a reminder
    [InlineData(-2, null)]
    public void Plan_SendsTheNearestReachedReminder_BeforeTheDueDate(int daysLeft, int? expected)
    {
        var plan = PreDueReminders.Plan([Item(daysLeft)], Today, PreDueReminders.DefaultDaysBefore, new HashSet<string>());

        Assert.Equal(expected, plan.SingleOrDefault()?.DaysBefore);
    }

    [Fact]
    public void Plan_CoversEveryItemOfACustomerDueThatDay_InOneReminder_AndNeverSendsItTwice()
    {
        var a = Item(7);
        var b = Item(7, 50_000);
        var paid = Item(7, 0);
        var other = Item(7, customer: Guid.NewGuid());

        var first = PreDueReminders.Plan([a, b, paid, other], Today, PreDueReminders.DefaultDaysBefore, new HashSet<string>());
        var again = PreDueReminders.Plan([a, b, paid, other], Today, PreDueReminders.DefaultDaysBefore, first.Select(r => r.Key).ToHashSet());

        Assert.Equal(2, first.Count);
        Assert.Equal(new[] { a.InstallmentId, b.InstallmentId }.Order(), first.Single(r => r.CustomerId == Customer).Items.Select(i => i.InstallmentId));
        Assert.Empty(again);
    }

    [Fact]
    public void Plan_TheOneDayReminder_StillGoesOutAfterTheSevenDayOne()
    {
        var item = Item(1);
        var sevenDay = new PreDueReminder(Customer, 7, item.DueDate, [item]).Key;

        var plan = PreDueReminders.Plan([item], Today, PreDueReminders.DefaultDaysBefore, new HashSet<string> { sevenDay });

        Assert.Equal(1, Assert.Single(plan).DaysBefore);
    }

    [Theory]
    [InlineData(new int[0])]
    [InlineData(new[] { 0 })]
    [InlineData(new[] { 7, 7 })]
    [InlineData(new[] { 61 })]
    public void Validate_RefusesNoDays_ZeroDays_RepeatsAndMoreThanTwoMonths(int[] days) =>
        Assert.Equal("reminder.days", Assert.Throws<DomainRuleException>(() => PreDueReminders.Validate(days)).Rule);
}
