using System.Text.Json;

namespace Huikuan.Web.Features.Audit.Pages;

/// <summary>One field of an audit entry: its value before and after (null where that side has none), and whether it changed.</summary>
public sealed record AuditField(string Name, string? Before, string? After)
{
    public bool Changed => !string.Equals(Before, After, StringComparison.Ordinal);
}

/// <summary>
/// An audit entry's before and after values (JSON objects written by the audit interceptor or a sign-in event) as
/// one row per field, in the order the entry wrote them, so a page can show them side by side.
/// </summary>
public static class AuditDiff
{
    public static IReadOnlyList<AuditField> Fields(string? before, string? after)
    {
        var old = Values(before);
        var now = Values(after);
        var names = old.Keys.Concat(now.Keys).Distinct(StringComparer.Ordinal);
        return names.Select(n => new AuditField(n, old.GetValueOrDefault(n), now.GetValueOrDefault(n))).ToList();
    }

    /// <summary>The JSON indented for reading, or the text as stored when it is not JSON.</summary>
    public static string Pretty(string? json)
    {
        if (string.IsNullOrWhiteSpace(json))
        {
            return "";
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            return JsonSerializer.Serialize(doc.RootElement, Indented);
        }
        catch (JsonException)
        {
            return json;
        }
    }

    private static readonly JsonSerializerOptions Indented = new()
    {
        WriteIndented = true, Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private static Dictionary<string, string?> Values(string? json)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(json))
        {
            return values;
        }
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Object)
            {
                values[""] = Pretty(json);
                return values;
            }
            foreach (var p in doc.RootElement.EnumerateObject())
            {
                values[p.Name] = p.Value.ValueKind switch
                {
                    JsonValueKind.Null => null,
                    JsonValueKind.String => p.Value.GetString(),
                    _ => p.Value.GetRawText(),
                };
            }
        }
        catch (JsonException)
        {
            values[""] = json;
        }
        return values;
    }
}
