using System.Text;

namespace Huikuan.Domain.Templates;

/// <summary>A piece of a template: literal text, or a merge field to fill in.</summary>
public readonly record struct TemplatePart(string Text, bool IsField);

/// <summary>
/// A message template with merge fields written <c>{{field}}</c> (R11: customer, items, totals, interest, fee, pay-by
/// date, payment instructions). Templates are plain text: the caller decides how each field is written (escaped for an
/// HTML letter, the items as a table there and as lines in an SMS), so a template edited on a page can never inject
/// markup. Unknown fields and unclosed braces are refused when the template is saved, not when a letter goes out.
/// </summary>
public sealed class MergeTemplate
{
    /// <summary>
    /// Every field a template may use. <c>items</c> is the list of the items the message covers; <c>interest</c> and
    /// <c>fee</c> what this letter charges, <c>earlierCharges</c> what earlier letters charged that is still owed, and
    /// <c>amountDue</c> all of it with the items, per currency. <c>lastLetterDate</c> and <c>lastLetterLevel</c> name the
    /// customer's last dunning letter (empty without one), and <c>previousReminders</c> is a sentence citing it, empty
    /// when the history holds none. <c>paymentReference</c> is the payment reference (付款参考号) of each invoice the message
    /// lists, for the customer to quote; the items table has it per item too.
    /// </summary>
    public static readonly IReadOnlyList<string> Fields =
    [
        "customer.name", "customer.code", "contact.name", "company.name", "date", "level",
        "items", "itemCount", "total", "interest", "fee", "earlierCharges", "amountDue", "oldestDaysOverdue", "dueDate", "payBy", "paymentInstructions",
        "lastLetterDate", "lastLetterLevel", "previousReminders", "paymentReference",
    ];

    public const int MaxLength = 8000;

    private MergeTemplate(string text, IReadOnlyList<TemplatePart> parts)
    {
        Text = text;
        Parts = parts;
    }

    public string Text { get; }

    public IReadOnlyList<TemplatePart> Parts { get; }

    public IEnumerable<string> FieldsUsed => Parts.Where(p => p.IsField).Select(p => p.Text).Distinct(StringComparer.Ordinal);

    /// <param name="field">The request field the template came from, for the refusal.</param>
    public static MergeTemplate Parse(string? text, string field)
    {
        text ??= "";
        if (text.Length > MaxLength)
        {
            throw new DomainRuleException("template.length", field, $"A template has at most {MaxLength} characters.", MaxLength);
        }
        var parts = new List<TemplatePart>();
        var literal = new StringBuilder();
        var i = 0;
        while (i < text.Length)
        {
            var open = text.IndexOf("{{", i, StringComparison.Ordinal);
            var stray = text.IndexOf("}}", i, StringComparison.Ordinal);
            if (stray >= 0 && (open < 0 || stray < open))
            {
                throw Syntax(field, stray);
            }
            if (open < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }
            literal.Append(text, i, open - i);
            var close = text.IndexOf("}}", open + 2, StringComparison.Ordinal);
            var nested = text.IndexOf("{{", open + 2, StringComparison.Ordinal);
            if (close < 0 || (nested >= 0 && nested < close))
            {
                throw Syntax(field, open);
            }
            var name = text[(open + 2)..close].Trim();
            if (!Fields.Contains(name, StringComparer.Ordinal))
            {
                throw new DomainRuleException("template.field", field,
                    $"Unknown merge field {{{{{name}}}}}. The fields are: {string.Join(", ", Fields)}.", name, string.Join(", ", Fields));
            }
            if (literal.Length > 0)
            {
                parts.Add(new TemplatePart(literal.ToString(), false));
                literal.Clear();
            }
            parts.Add(new TemplatePart(name, true));
            i = close + 2;
        }
        if (literal.Length > 0)
        {
            parts.Add(new TemplatePart(literal.ToString(), false));
        }
        return new MergeTemplate(text, parts);
    }

    /// <summary>
    /// Writes the template, each literal through <paramref name="literal"/> (escaping, for HTML) and each field through
    /// <paramref name="field"/>; a field the caller has no value for is written as empty by returning "".
    /// </summary>
    public string Render(Func<string, string> field, Func<string, string>? literal = null)
    {
        ArgumentNullException.ThrowIfNull(field);
        var sb = new StringBuilder();
        foreach (var part in Parts)
        {
            sb.Append(part.IsField ? field(part.Text) : literal is null ? part.Text : literal(part.Text));
        }
        return sb.ToString();
    }

    private static DomainRuleException Syntax(string field, int position) =>
        new("template.syntax", field, $"A merge field is written {{{{name}}}}; the braces at position {position + 1} do not close or open one.", position + 1);
}
