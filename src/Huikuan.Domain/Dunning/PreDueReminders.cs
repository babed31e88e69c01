using System.Globalization;

namespace Huikuan.Domain.Dunning;

/// <summary>An open installment as the reminder run sees it.</summary>
public sealed record ReminderItem(Guid InstallmentId, Guid CustomerId, string Currency, DateOnly DueDate, long OpenMinor);

/// <summary>One reminder to send today: the customer, the days before due it is for, and the items it covers.</summary>
public sealed record PreDueReminder(Guid CustomerId, int DaysBefore, DateOnly DueDate, IReadOnlyList<ReminderItem> Items)
{
    /// <summary>Once per customer, due date and offset: a re-run, or a run a day late, never sends it twice.</summary>
    public string Key => string.Create(CultureInfo.InvariantCulture, $"remind:{CustomerId:N}:{DueDate:yyyy-MM-dd}:{DaysBefore}");
}

/// <summary>
/// Reminders before the due date (R10: by default 7 and 1 days before). Each customer gets one reminder per due date
/// and offset, covering every open item falling due that day. A run that was missed is caught up: an offset whose day
/// has passed is still sent while the item is not yet due, unless a nearer offset is also due (only the nearest goes out).
/// </summary>
public static class PreDueReminders
{
    public static readonly IReadOnlyList<int> DefaultDaysBefore = [7, 1];

    public static void Validate(IReadOnlyList<int> daysBefore)
    {
        ArgumentNullException.ThrowIfNull(daysBefore);
        if (daysBefore.Count is 0 or > 5 || daysBefore.Any(d => d is < 1 or > 60) || daysBefore.Distinct().Count() != daysBefore.Count)
        {
            throw new DomainRuleException("reminder.days", "daysBefore", "Give one to five different days before due, each between 1 and 60.", 60);
        }
    }

    /// <param name="alreadySent">Keys of the reminders sent before (<see cref="PreDueReminder.Key"/>).</param>
    public static IReadOnlyList<PreDueReminder> Plan(
        IEnumerable<ReminderItem> items, DateOnly today, IReadOnlyList<int> daysBefore, IReadOnlySet<string> alreadySent)
    {
        ArgumentNullException.ThrowIfNull(items);
        ArgumentNullException.ThrowIfNull(alreadySent);
        Validate(daysBefore);
        var offsets = daysBefore.OrderBy(d => d).ToList();
        var result = new List<PreDueReminder>();
        foreach (var group in items.Where(i => i.OpenMinor > 0 && i.DueDate > today).GroupBy(i => (i.CustomerId, i.DueDate)))
        {
            var daysLeft = group.Key.DueDate.DayNumber - today.DayNumber;
            // The nearest offset that has been reached: 3 days left with offsets 7 and 1 is the 7-day reminder.
            var reached = offsets.Where(d => d >= daysLeft).ToList();
            if (reached.Count == 0)
            {
                continue;
            }
            var offset = reached[0];
            var reminder = new PreDueReminder(group.Key.CustomerId, offset, group.Key.DueDate,
                group.OrderBy(i => i.InstallmentId).ToList());
            if (!alreadySent.Contains(reminder.Key))
            {
                result.Add(reminder);
            }
        }
        return result.OrderBy(r => r.DueDate).ThenBy(r => r.CustomerId).ToList();
    }
}
