using System.Text.RegularExpressions;

namespace Huikuan.Statements.Table;

/// <summary>
/// What the rows above the header say about the statement, when they label it: the account (账号, 银行帐号 …), its
/// name (户名, 公司名称 …) and the period (查询开始日期 / 查询结束日期, 起始日期 / 终止日期 …). A label and its value may
/// share a cell (账号：6214…, Alipay's #账号:[2088…], several in one cell) or stand in neighbouring cells.
/// </summary>
internal sealed class TablePreface
{
    private static readonly string[] AccountLabels = ["银行帐号", "银行账号", "账号", "帐号", "账户", "帐户"];

    private static readonly string[] NameLabels = ["账户名称", "帐户名称", "户名", "公司名称", "单位名称"];

    private static readonly string[] StartLabels =
        ["查询开始日期", "查询起始日期", "开始日期", "起始日期", "起始时间", "开始时间"];

    private static readonly string[] EndLabels =
        ["查询结束日期", "查询终止日期", "结束日期", "终止日期", "截止日期", "终止时间", "结束时间"];

    private readonly List<StatementWarning> warnings = [];

    public string? Account { get; private set; }

    public string? AccountName { get; private set; }

    public DateOnly? PeriodStart { get; private set; }

    public DateOnly? PeriodEnd { get; private set; }

    public IReadOnlyList<StatementWarning> Warnings => warnings;

    public void Take(IReadOnlyList<string> row, int rowNumber)
    {
        for (var i = 0; i < row.Count; i++)
        {
            var text = row[i].TrimStart('#').Trim();
            var alone = LabelAlone.Match(text);
            if (alone.Success)
            {
                var next = row.Skip(i + 1).FirstOrDefault(c => c.Length > 0);
                if (next is not null && LabelAlone.Match(next.TrimStart('#').Trim()) is { Success: false })
                {
                    Set(alone.Groups["label"].Value, next, rowNumber);
                }
                continue;
            }
            foreach (Match pair in LabelAndValue.Matches(text))
            {
                Set(pair.Groups["label"].Value, pair.Groups["value"].Value, rowNumber);
            }
        }
    }

    private void Set(string label, string value, int rowNumber)
    {
        var text = value.Trim().Trim('[', ']', '【', '】').Trim();
        if (text.Length == 0)
        {
            return;
        }
        if (AccountLabels.Contains(label))
        {
            if (TableValues.IsScientific(text))
            {
                warnings.Add(TableWarnings.IdLost(rowNumber, label, text));
                return;
            }
            Account ??= text;
        }
        else if (NameLabels.Contains(label))
        {
            AccountName ??= text;
        }
        else if (TableValues.TryDate(text, out var date, out _) && date is { } day)
        {
            if (StartLabels.Contains(label))
            {
                PeriodStart ??= day;
            }
            else
            {
                PeriodEnd ??= day;
            }
        }
        else
        {
            warnings.Add(TableWarnings.Preface(rowNumber, label, text));
        }
    }

    private static readonly string Labels = string.Join('|',
        AccountLabels.Concat(NameLabels).Concat(StartLabels).Concat(EndLabels).OrderByDescending(l => l.Length));

    /// <summary>A label at the start of the text or after a blank (对方账号 is not 账号), then a colon and the value.</summary>
    private static readonly Regex LabelAndValue = new(
        $@"(?<![\p{{L}}\p{{N}}])(?<label>{Labels})\s*[:：]\s*(?<value>.*?)\s*(?=(?<![\p{{L}}\p{{N}}])(?:{Labels})\s*[:：]|$)",
        RegexOptions.CultureInvariant | RegexOptions.Compiled);

    /// <summary>A cell holding only a label (its value in the next cell).</summary>
    private static readonly Regex LabelAlone =
        new($@"^(?<label>{Labels})\s*[:：]?$", RegexOptions.CultureInvariant | RegexOptions.Compiled);
}
