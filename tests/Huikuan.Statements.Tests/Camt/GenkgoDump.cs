using System.Globalization;
using System.Text.Json;

namespace Huikuan.Statements.Tests.Camt;

/// <summary>
/// Reading the reference parser's dump. It writes an object once and "__RECURSIVITY__" where it appears again: in a
/// list getXs the first item is usually the object already shown as getX beside it, so that is where it is looked up.
/// An object shown elsewhere (a record whose entries are dumped under another entry) cannot be recovered and is skipped.
/// </summary>
internal static class GenkgoDump
{
    private const string Repeated = "__RECURSIVITY__";

    public static JsonElement? Get(this JsonElement element, string name) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(name, out var value)
        && value.ValueKind is not (JsonValueKind.Null or JsonValueKind.Undefined)
        && !(value.ValueKind == JsonValueKind.String && value.GetString() == Repeated)
            ? value
            : null;

    public static string? Text(this JsonElement element, string name) =>
        element.Get(name) is { ValueKind: JsonValueKind.String } value ? value.GetString() : null;

    /// <summary>The items of getXs, the repeated first one taken from getX.</summary>
    public static List<JsonElement> List(this JsonElement element, string listName, string? singleName = null)
    {
        var items = new List<JsonElement>();
        if (element.Get(listName) is not { ValueKind: JsonValueKind.Array } list)
        {
            return items;
        }

        foreach (var (item, index) in list.EnumerateArray().Select((item, index) => (item, index)))
        {
            if (item.ValueKind == JsonValueKind.Object)
            {
                items.Add(item);
            }
            else if (index == 0 && singleName is not null && element.Get(singleName) is { } single)
            {
                items.Add(single);
            }
        }

        return items;
    }

    /// <summary>A Money object as a decimal: minor units in a string ("885" is 8.85; JPY has none).</summary>
    public static (decimal Amount, string Currency) Money(this JsonElement money)
    {
        var currency = money.Get("getCurrency")!.Value.Text("getCode")!;
        var minor = decimal.Parse(money.Text("getAmount")!, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture);
        return (minor / (currency is "JPY" or "KRW" ? 1m : 100m), currency);
    }

    /// <summary>A dumped DateTimeImmutable as the day it names.</summary>
    public static DateOnly? Day(this JsonElement element, string name) =>
        element.Get(name) is { } date && date.Text("0") is { } text
            ? DateOnly.ParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)
            : null;

    public static string ClassOf(this JsonElement element) => element.Text("__CLASS__") ?? "";
}
