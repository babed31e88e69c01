using System.Collections;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Huikuan.Web.Infrastructure;

/// <summary>
/// How the API reads request bodies. A request record's parameter without a default value is required, and a
/// non-nullable one refuses null, so a field left out or sent as null is refused by name instead of arriving as
/// 0001-01-01, an empty id or a null that fails deep in a handler. Enums are read by name only (a number would
/// let an undefined value in), and a list of records or texts refuses a null entry. Responses are written as
/// before: a null in a non-nullable property is still written as null.
/// </summary>
public static class RequestJson
{
    public static void Configure(JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Converters.Add(new JsonStringEnumConverter(namingPolicy: null, allowIntegerValues: false));
        options.RespectNullableAnnotations = true;
        options.TypeInfoResolver = new DefaultJsonTypeInfoResolver { Modifiers = { RequireParametersWithoutDefault, RefuseNullEntries } };
    }

    private static void RequireParametersWithoutDefault(JsonTypeInfo type)
    {
        foreach (var property in type.Properties)
        {
            if (!property.PropertyType.IsValueType)
            {
                property.IsGetNullable = true;
            }
            if (property.AssociatedParameter is { HasDefaultValue: false, IsNullable: false })
            {
                property.IsRequired = true;
            }
        }
    }

    /// <summary>Refuses a null entry in a list property once the object is read, naming the entry ("lines[2]").</summary>
    private static void RefuseNullEntries(JsonTypeInfo type)
    {
        if (type.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }
        var lists = type.Properties
            .Where(p => p.PropertyType != typeof(string) && typeof(IEnumerable).IsAssignableFrom(p.PropertyType) && p.Get is not null)
            .ToArray();
        if (lists.Length == 0)
        {
            return;
        }
        var before = type.OnDeserialized;
        type.OnDeserialized = value =>
        {
            foreach (var list in lists)
            {
                if (list.Get!(value) is IEnumerable entries)
                {
                    var index = 0;
                    foreach (var entry in entries)
                    {
                        if (entry is null)
                        {
                            throw new JsonException(NullEntry + list.Name + "[" + index.ToString(CultureInfo.InvariantCulture) + "]");
                        }
                        index++;
                    }
                }
            }
            before?.Invoke(value);
        };
    }

    /// <summary>The start of a null entry's message, followed by the entry's path below the object that holds it.</summary>
    internal const string NullEntry = "Null entry: ";
}
