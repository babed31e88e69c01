using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using System.Text.RegularExpressions;
using Huikuan.Web.Localization;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// Says what is wrong with a request that could not be bound, per field and in the reader's language: a body
/// that is not JSON, a field that is missing or null, a value of the wrong kind (what kind is read from the
/// request record at the field's path: a date, a number, an id, one of an enum's names), a query or route value
/// that does not parse. The field is named as the rule errors name it: "lines[0].quantity".
/// </summary>
internal static partial class BadBody
{
    /// <summary>The errors for a body's <see cref="JsonException"/>; <paramref name="bodyType"/> is the request record, when known.</summary>
    public static Dictionary<string, string[]> Errors(JsonException json, Type? bodyType, JsonSerializerOptions? options, CultureInfo culture)
    {
        string Text(string key) => RuleMessages.Get(key, culture);
        var path = FieldOf(json.Path);
        if (json.InnerException?.GetType().Name == "JsonReaderException" || json.Path is null)
        {
            return new() { ["body"] = [Text("Problem.NotJson")] };
        }
        if (MissingProperties().Match(json.Message) is { Success: true } missing)
        {
            return Quoted().Matches(missing.Groups[1].Value)
                .ToDictionary(m => Join(path, m.Groups[1].Value), _ => new[] { Text("Problem.Required") });
        }
        if (json.Message.StartsWith(RequestJson.NullEntry, StringComparison.Ordinal))
        {
            var entry = json.Message[RequestJson.NullEntry.Length..].Split(' ')[0];
            return new() { [Join(path, entry)] = [Text("Problem.NullEntry")] };
        }
        if (json.Message.Contains("null", StringComparison.OrdinalIgnoreCase) && !json.Message.Contains("could not be converted", StringComparison.Ordinal))
        {
            return new() { [path] = [Text("Problem.Required")] };
        }
        return new() { [path] = [Expected(bodyType is null || options is null ? null : TypeAt(bodyType, json.Path, options), culture)] };
    }

    /// <summary>The errors for a query, route or header value that did not bind (the framework's message names the parameter).</summary>
    public static Dictionary<string, string[]>? ParameterErrors(BadHttpRequestException bad, CultureInfo culture)
    {
        if (FailedParameter().Match(bad.Message) is { Success: true } failed)
        {
            return new() { [failed.Groups[2].Value] = [Expected(TypeNamed(failed.Groups[1].Value), culture)] };
        }
        if (RequiredParameter().Match(bad.Message) is { Success: true } required)
        {
            return new() { [required.Groups[1].Value] = [RuleMessages.Get("Problem.Required", culture)] };
        }
        return null;
    }

    /// <summary>What a value of the type should look like.</summary>
    private static string Expected(Type? type, CultureInfo culture)
    {
        type = type is null ? null : Nullable.GetUnderlyingType(type) ?? type;
        if (type is { IsEnum: true })
        {
            return string.Format(culture, RuleMessages.Get("Problem.Enum", culture), string.Join(", ", Enum.GetNames(type)));
        }
        var key = type switch
        {
            null => "Problem.WrongType",
            _ when type == typeof(DateOnly) || type == typeof(DateTime) || type == typeof(DateTimeOffset) => "Problem.Date",
            _ when type == typeof(decimal) || type == typeof(int) || type == typeof(long) || type == typeof(short) => "Problem.Number",
            _ when type == typeof(Guid) => "Problem.Id",
            _ when type == typeof(bool) => "Problem.Bool",
            _ when type == typeof(string) => "Problem.Text",
            _ when type != typeof(string) && typeof(System.Collections.IEnumerable).IsAssignableFrom(type) => "Problem.List",
            _ when type.IsClass => "Problem.Object",
            _ => "Problem.WrongType",
        };
        return RuleMessages.Get(key, culture);
    }

    /// <summary>The declared type at a JSON path ("$.lines[0].quantity") below the request record, or null when the path leaves it.</summary>
    internal static Type? TypeAt(Type root, string path, JsonSerializerOptions options)
    {
        var type = root;
        foreach (Match segment in Segments().Matches(path))
        {
            type = Nullable.GetUnderlyingType(type) ?? type;
            var info = options.GetTypeInfo(type);
            if (segment.Groups["index"].Success)
            {
                if (info.Kind != JsonTypeInfoKind.Enumerable || info.ElementType is null)
                {
                    return null;
                }
                type = info.ElementType;
                continue;
            }
            var name = segment.Groups["name"].Success ? segment.Groups["name"].Value : segment.Groups["quoted"].Value;
            var property = info.Kind == JsonTypeInfoKind.Object
                ? info.Properties.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase))
                : null;
            if (property is null)
            {
                return null;
            }
            type = property.PropertyType;
        }
        return type;
    }

    private static Type? TypeNamed(string name) => name.Replace("?", "", StringComparison.Ordinal) switch
    {
        "DateOnly" or "DateTime" or "DateTimeOffset" => typeof(DateOnly),
        "Decimal" or "decimal" or "Int32" or "int" or "Int64" or "long" => typeof(decimal),
        "Guid" => typeof(Guid),
        "Boolean" or "bool" => typeof(bool),
        var other when other.StartsWith("Nullable<", StringComparison.Ordinal) => TypeNamed(other[9..^1]),
        _ => null,
    };

    /// <summary>"$.lines[0].unitPrice" → "lines[0].unitPrice", the same names the rule errors use; the root is "body".</summary>
    internal static string FieldOf(string? jsonPath) =>
        jsonPath is null or "$" ? "body" : jsonPath.StartsWith("$.", StringComparison.Ordinal) ? jsonPath[2..] : jsonPath.TrimStart('$');

    private static string Join(string parent, string child) =>
        parent == "body" ? child : child.StartsWith('[') ? parent + child : parent + "." + child;

    [GeneratedRegex(@"missing required properties including: (.*)$", RegexOptions.Singleline)]
    private static partial Regex MissingProperties();

    [GeneratedRegex(@"'([^']+)'")]
    private static partial Regex Quoted();

    [GeneratedRegex(@"\.(?<name>[^.\[]+)|\[(?<index>\d+)\]|\['(?<quoted>[^']*)'\]")]
    private static partial Regex Segments();

    [GeneratedRegex("""^Failed to bind parameter "(.+) ([^ "]+)" from""")]
    private static partial Regex FailedParameter();

    [GeneratedRegex("""^Required parameter "[^"]* ([^ "]+)" was not provided""")]
    private static partial Regex RequiredParameter();
}
