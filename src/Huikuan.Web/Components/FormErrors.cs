using Huikuan.Web.Localization;

namespace Huikuan.Web.Components;

/// <summary>
/// What a handler refused, for a form: the message next to the field the refusal names when the form shows that
/// field, else above the form. The rule itself stays in the handler; the page only says what it answered.
/// </summary>
public sealed class FormErrors(IEnumerable<string> shownFields)
{
    private readonly HashSet<string> _shown = new(shownFields, StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, string> _byField = new(StringComparer.OrdinalIgnoreCase);

    public string? General { get; private set; }

    public string? For(string field) => _byField.GetValueOrDefault(field);

    public bool Has(string field) => _byField.ContainsKey(field);

    /// <summary>The user changed the field: its old error no longer applies.</summary>
    public void Forget(string field) => _byField.Remove(field);

    public void Clear()
    {
        General = null;
        _byField.Clear();
    }

    public void Show(Exception error)
    {
        var message = LedgerProblems.Message(error);
        var field = LedgerProblems.FieldOf(error);
        if (_shown.Contains(field) || field.StartsWith("lines[", StringComparison.Ordinal))
        {
            _byField[field] = message;
        }
        else
        {
            General = message;
        }
    }

    /// <summary>Runs a handler call; a refusal is shown and answers false, a fault is not caught.</summary>
    public async Task<bool> TryAsync(Func<Task> call)
    {
        ArgumentNullException.ThrowIfNull(call);
        Clear();
        try
        {
            await call();
            return true;
        }
        catch (Exception error) when (LedgerProblems.IsRefusal(error))
        {
            Show(error);
            return false;
        }
    }
}
