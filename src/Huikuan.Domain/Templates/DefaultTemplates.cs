namespace Huikuan.Domain.Templates;

/// <summary>What a message says: the e-mail subject, the e-mail and letter body, and the SMS text.</summary>
public sealed record MessageText(string Subject, string Body, string Sms);

/// <summary>
/// The texts a new company starts with, in Chinese and English, following the seeds' 分级催收: friendly first, then
/// firmer, the final demand naming the consequences. Keyed by purpose: "notice" (payment notice when an invoice is
/// issued), "reminder" (before the due date) and "level:&lt;code&gt;" for each level of the default dunning policy.
/// No text claims earlier reminders: a level may be the first letter a customer gets (a policy that goes straight to
/// the age's level, a level reached again), and a letter may only state what was sent. From the second level on, the
/// text cites the last letter through <c>{{previousReminders}}</c>, which is empty when the customer's history holds none.
/// </summary>
public static class DefaultTemplates
{
    public const string Notice = "notice";
    public const string Reminder = "reminder";

    public static string ForLevel(string code) => "level:" + code;

    public static readonly IReadOnlyList<string> Languages = ["zh-CN", "en"];

    /// <summary>The default text for a purpose and language; a level code the defaults do not know gets the firm text.</summary>
    public static MessageText For(string purpose, string language)
    {
        ArgumentNullException.ThrowIfNull(purpose);
        var zh = language != "en";
        return purpose switch
        {
            Notice => zh ? ZhNotice : EnNotice,
            Reminder => zh ? ZhReminder : EnReminder,
            "level:friendly" => zh ? ZhFriendly : EnFriendly,
            "level:final" => zh ? ZhFinal : EnFinal,
            "level:hold" => zh ? ZhHold : EnHold,
            "level:legal" => zh ? ZhLegal : EnLegal,
            _ => zh ? ZhFirm : EnFirm,
        };
    }

    /// <summary>
    /// A level's name in a letter's language (the glossary's 友好提醒 … 法律程序); a level a company named itself is
    /// written as it named it.
    /// </summary>
    public static string LevelName(string code, string language)
    {
        ArgumentNullException.ThrowIfNull(code);
        var i = Array.IndexOf(LevelCodes, code);
        return i < 0 ? code : language != "en" ? ZhLevelNames[i] : EnLevelNames[i];
    }

    private static readonly string[] LevelCodes = ["friendly", "firm", "final", "hold", "legal"];
    private static readonly string[] ZhLevelNames = ["友好提醒", "正式催告", "最后催告", "停止供货", "法律程序"];
    private static readonly string[] EnLevelNames = ["friendly reminder", "firm notice", "final demand", "credit hold", "legal"];

    private static readonly MessageText ZhNotice = new(
        "{{company.name}} 付款通知：应付 {{total}}，到期日 {{dueDate}}",
        """
        尊敬的{{customer.name}}：

        我司已为贵司开具以下应收单，应付金额合计 {{total}}，请于 {{dueDate}} 前付款。

        {{items}}

        {{paymentInstructions}}

        如有疑问，请随时与我们联系。感谢贵司的支持与合作！

        {{company.name}}
        """,
        "【{{company.name}}】尊敬的{{customer.name}}，已开具应收单合计{{total}}，请于{{dueDate}}前付款。");

    private static readonly MessageText EnNotice = new(
        "{{company.name}} payment notice: {{total}} due on {{dueDate}}",
        """
        Dear {{customer.name}},

        We have issued the following invoices to you, {{total}} in total, payable by {{dueDate}}.

        {{items}}

        {{paymentInstructions}}

        Please contact us with any questions. Thank you for your business.

        {{company.name}}
        """,
        "{{company.name}}: invoices of {{total}} issued to {{customer.name}}, due {{dueDate}}.");

    private static readonly MessageText ZhReminder = new(
        "{{company.name}} 到期提醒：{{total}} 将于 {{dueDate}} 到期",
        """
        尊敬的{{customer.name}}：

        温馨提示：以下款项合计 {{total}} 将于 {{dueDate}} 到期，请提前安排付款。

        {{items}}

        {{paymentInstructions}}

        如已安排付款，请忽略本提醒。谢谢！

        {{company.name}}
        """,
        "【{{company.name}}】温馨提示：贵司{{total}}款项将于{{dueDate}}到期，请提前安排付款。");

    private static readonly MessageText EnReminder = new(
        "{{company.name}} reminder: {{total}} falls due on {{dueDate}}",
        """
        Dear {{customer.name}},

        A friendly reminder: the items below, {{total}} in total, fall due on {{dueDate}}. Please arrange the payment in time.

        {{items}}

        {{paymentInstructions}}

        If you have already arranged it, please ignore this reminder. Thank you.

        {{company.name}}
        """,
        "{{company.name}}: {{total}} falls due on {{dueDate}}. Please arrange payment in time.");

    private static readonly MessageText ZhFriendly = new(
        "{{company.name}} 友好提醒：{{total}} 已逾期",
        """
        尊敬的{{customer.name}}：

        您好！经核对，以下款项已过付款期限，合计 {{total}}，最早一笔已逾期 {{oldestDaysOverdue}} 天。可能是贵司事务繁忙未及安排，特此提醒。

        {{items}}

        请于 {{payBy}} 前安排付款。{{paymentInstructions}}

        如款项已付，请忽略本提醒，并告知付款日期以便我们核销。谢谢！

        {{company.name}}
        """,
        "【{{company.name}}】尊敬的{{customer.name}}，贵司{{total}}款项已逾期，请于{{payBy}}前安排付款。如已付款请忽略。");

    private static readonly MessageText EnFriendly = new(
        "{{company.name}} friendly reminder: {{total}} overdue",
        """
        Dear {{customer.name}},

        Our records show the items below as past their due date, {{total}} in total; the oldest is {{oldestDaysOverdue}} days overdue. Perhaps it was overlooked, so we send this reminder.

        {{items}}

        Please pay by {{payBy}}. {{paymentInstructions}}

        If you have paid already, please ignore this message and tell us the payment date so that we can apply it. Thank you.

        {{company.name}}
        """,
        "{{company.name}}: {{total}} is overdue. Please pay by {{payBy}}. Ignore this if you have paid.");

    private static readonly MessageText ZhFirm = new(
        "{{company.name}} 正式催告：{{total}} 逾期未付",
        """
        尊敬的{{customer.name}}：

        截至 {{date}}，我司仍未收到以下逾期款项的付款。{{previousReminders}}逾期合计 {{total}}，最早一笔已逾期 {{oldestDaysOverdue}} 天。

        {{items}}

        逾期利息 {{interest}}，催收费 {{fee}}，应付合计 {{amountDue}}。请务必于 {{payBy}} 前付清。{{paymentInstructions}}

        如有异议或付款困难，请尽快与我们联系，我们愿意共同商定付款安排。

        {{company.name}}
        """,
        "【{{company.name}}】贵司{{total}}款项已逾期{{oldestDaysOverdue}}天，请务必于{{payBy}}前付清，如有困难请来电沟通。");

    private static readonly MessageText EnFirm = new(
        "{{company.name}} payment overdue: {{total}}",
        """
        Dear {{customer.name}},

        As of {{date}} we have not received payment for the overdue items below. {{previousReminders}}{{total}} is overdue; the oldest item is {{oldestDaysOverdue}} days overdue.

        {{items}}

        Late interest {{interest}}, dunning fee {{fee}}, amount due {{amountDue}}. Please pay in full by {{payBy}}. {{paymentInstructions}}

        If you dispute an item or have difficulty paying, contact us now so that we can agree a payment plan.

        {{company.name}}
        """,
        "{{company.name}}: {{total}} is {{oldestDaysOverdue}} days overdue. Please pay in full by {{payBy}} or call us.");

    private static readonly MessageText ZhFinal = new(
        "{{company.name}} 最后催告：{{amountDue}}",
        """
        {{customer.name}}：

        {{previousReminders}}以下款项仍未支付，逾期合计 {{total}}，最早一笔已逾期 {{oldestDaysOverdue}} 天。

        {{items}}

        连同逾期利息 {{interest}} 及催收费 {{fee}}，贵司应付合计 {{amountDue}}。请于 {{payBy}} 前全额付清。{{paymentInstructions}}

        如届时仍未付款，我司将暂停对贵司供货、冻结信用额度，并保留通过法律途径追讨欠款及相关费用的权利。

        {{company.name}}
        """,
        "【{{company.name}}】最后催告：贵司应付{{amountDue}}，请于{{payBy}}前付清，否则我司将停止供货并依法追讨。");

    private static readonly MessageText EnFinal = new(
        "{{company.name}} final demand: {{amountDue}}",
        """
        {{customer.name}},

        {{previousReminders}}The items below remain unpaid: {{total}} overdue, the oldest {{oldestDaysOverdue}} days.

        {{items}}

        With late interest of {{interest}} and a dunning fee of {{fee}}, the amount due is {{amountDue}}. Pay it in full by {{payBy}}. {{paymentInstructions}}

        If it is not paid by then, we will stop deliveries, suspend your credit and reserve the right to recover the debt and its costs by legal means.

        {{company.name}}
        """,
        "{{company.name}} final demand: pay {{amountDue}} by {{payBy}}, or deliveries stop and we take legal steps.");

    private static readonly MessageText ZhHold = new(
        "{{company.name}} 停止供货通知：{{amountDue}} 逾期未付",
        """
        {{customer.name}}：

        {{previousReminders}}因以下款项逾期 {{oldestDaysOverdue}} 天仍未支付，我司自 {{date}} 起暂停对贵司供货，信用额度冻结，直至款项付清。

        {{items}}

        应付合计 {{amountDue}}（含逾期利息 {{interest}}、催收费 {{fee}}）。请于 {{payBy}} 前付清。{{paymentInstructions}}

        我司管理层将与贵司负责人联系，商讨解决方案。

        {{company.name}}
        """,
        "【{{company.name}}】因贵司{{amountDue}}逾期未付，我司已暂停供货，请于{{payBy}}前付清。");

    private static readonly MessageText EnHold = new(
        "{{company.name}} deliveries stopped: {{amountDue}} overdue",
        """
        {{customer.name}},

        {{previousReminders}}Because the items below are {{oldestDaysOverdue}} days overdue, we have stopped deliveries to you from {{date}} and suspended your credit until they are paid.

        {{items}}

        The amount due is {{amountDue}} (late interest {{interest}}, dunning fee {{fee}}). Pay it by {{payBy}}. {{paymentInstructions}}

        Our management will contact yours to settle the matter.

        {{company.name}}
        """,
        "{{company.name}}: deliveries stopped; {{amountDue}} overdue. Pay by {{payBy}}.");

    private static readonly MessageText ZhLegal = new(
        "{{company.name}} 关于逾期欠款移交法律程序的通知",
        """
        {{customer.name}}：

        贵司所欠以下款项逾期已达 {{oldestDaysOverdue}} 天，至今仍未支付。{{previousReminders}}

        {{items}}

        截至 {{date}}，贵司应付合计 {{amountDue}}（含逾期利息 {{interest}}、催收费 {{fee}}）。如贵司未于 {{payBy}} 前全额付清，我司将把该欠款移交催收机构或律师处理，并依法追究贵司的违约责任，由此产生的一切费用由贵司承担。

        {{company.name}}
        """,
        "【{{company.name}}】贵司欠款{{amountDue}}将移交律师处理，如需避免请于{{payBy}}前付清。");

    private static readonly MessageText EnLegal = new(
        "{{company.name}}: overdue debt to be handed to a collection agency or lawyer",
        """
        {{customer.name}},

        The items below have been overdue for {{oldestDaysOverdue}} days and remain unpaid. {{previousReminders}}

        {{items}}

        As of {{date}} you owe {{amountDue}} (late interest {{interest}}, dunning fee {{fee}}). Unless it is paid in full by {{payBy}}, we will hand the debt to a collection agency or our lawyers and hold you liable for the breach and for every cost it causes.

        {{company.name}}
        """,
        "{{company.name}}: unless {{amountDue}} is paid by {{payBy}}, the debt goes to our lawyers.");
}
