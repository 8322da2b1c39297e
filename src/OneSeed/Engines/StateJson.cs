using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.Json;

namespace OneSeed.Engines;

/// <summary>
/// Reads and writes engine states as JSON in the layout of NumPy's <c>bit_generator.state</c> dictionaries.
/// Integers of any size are exact JSON numbers (as Python's <c>json</c> writes them); every problem is a
/// <see cref="FormatException"/> naming the offending path.
/// </summary>
internal static class StateJson
{
    /// <summary>The key that carries OneSeed's state-format version; NumPy ignores keys it does not know.</summary>
    public const string VersionKey = "oneseed_state_version";

    /// <summary>The only state-format version this build reads and writes.</summary>
    public const int CurrentVersion = 1;

    /// <summary>Parses <paramref name="json"/>, checks the engine name and version, and hands the root to <paramref name="read"/>.</summary>
    public static T Read<T>(string json, string bitGenerator, Func<JsonElement, T> read)
    {
        ArgumentNullException.ThrowIfNull(json);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new FormatException($"The {bitGenerator} state is not valid JSON: {e.Message}", e);
        }

        using (document)
        {
            JsonElement root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw new FormatException($"A {bitGenerator} state must be a JSON object, not {root.ValueKind}.");
            }

            string name = GetString(root, "bit_generator");
            if (name != bitGenerator)
            {
                throw new FormatException($"The state is for bit generator '{name}', not '{bitGenerator}'.");
            }

            if (root.TryGetProperty(VersionKey, out JsonElement version) &&
                (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out int v) || v != CurrentVersion))
            {
                throw new FormatException($"Unsupported {VersionKey} {version.GetRawText()}: this build reads version {CurrentVersion}.");
            }

            try
            {
                return read(root);
            }
            catch (ArgumentException e)
            {
                throw new FormatException($"Invalid {bitGenerator} state: {e.Message}", e);
            }
        }
    }

    /// <summary>The <c>bit_generator</c> name a state JSON declares.</summary>
    public static string ReadName(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        try
        {
            using JsonDocument document = JsonDocument.Parse(json);
            return document.RootElement.ValueKind == JsonValueKind.Object
                ? GetString(document.RootElement, "bit_generator")
                : throw new FormatException($"An engine state must be a JSON object, not {document.RootElement.ValueKind}.");
        }
        catch (JsonException e)
        {
            throw new FormatException($"The engine state is not valid JSON: {e.Message}", e);
        }
    }

    public static JsonElement GetProperty(JsonElement parent, string name)
    {
        if (parent.ValueKind != JsonValueKind.Object || !parent.TryGetProperty(name, out JsonElement value))
        {
            throw new FormatException($"The state has no '{name}' entry.");
        }

        return value;
    }

    public static string GetString(JsonElement parent, string name)
    {
        JsonElement value = GetProperty(parent, name);
        return value.ValueKind == JsonValueKind.String
            ? value.GetString()!
            : throw new FormatException($"State entry '{name}' must be a string, not {value.ValueKind}.");
    }

    public static BigInteger GetInteger(JsonElement parent, string name) => ParseInteger(GetProperty(parent, name), name);

    public static BigInteger GetInteger(JsonElement parent, string name, BigInteger min, BigInteger max)
    {
        BigInteger value = GetInteger(parent, name);
        return value >= min && value <= max
            ? value
            : throw new FormatException($"State entry '{name}' is {value}; it must be in [{min}, {max}].");
    }

    /// <summary>Reads a JSON boolean or a 0/1 integer (NumPy writes <c>has_uint32</c> as an int).</summary>
    public static bool GetFlag(JsonElement parent, string name)
    {
        JsonElement value = GetProperty(parent, name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => ParseInteger(value, name) switch
            {
                var x when x.IsZero => false,
                var x when x.IsOne => true,
                var x => throw new FormatException($"State entry '{name}' is {x}; it must be 0 or 1."),
            },
            _ => throw new FormatException($"State entry '{name}' must be a boolean or 0/1, not {value.ValueKind}."),
        };
    }

    /// <summary>Reads an array of exactly <paramref name="length"/> integers in [0, 2^32) (MT19937 keys).</summary>
    public static uint[] GetUInt32Array(JsonElement parent, string name, int length) =>
        GetArray(parent, name, length, static (JsonElement e, out uint v) => e.TryGetUInt32(out v), uint.MaxValue);

    /// <summary>Reads an array of exactly <paramref name="length"/> integers in [0, 2^64) (NumPy's uint64 arrays: Philox counter/key/buffer, SFC64 state).</summary>
    public static ulong[] GetUInt64Array(JsonElement parent, string name, int length) =>
        GetArray(parent, name, length, static (JsonElement e, out ulong v) => e.TryGetUInt64(out v), ulong.MaxValue);

    /// <summary>Writes <c>"name": [..]</c> with the words as exact JSON numbers.</summary>
    public static void WriteUInt64Array(Utf8JsonWriter writer, string name, ReadOnlySpan<ulong> values)
    {
        writer.WriteStartArray(name);
        foreach (ulong v in values)
        {
            writer.WriteNumberValue(v);
        }

        writer.WriteEndArray();
    }

    public static BigInteger ParseInteger(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.Number &&
            BigInteger.TryParse(value.GetRawText(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out BigInteger result))
        {
            return result;
        }

        throw new FormatException($"State entry '{name}' is {value.GetRawText()}; it must be an integer.");
    }

    /// <summary>Writes <c>{"bit_generator": name, "oneseed_state_version": 1, ...}</c> with <paramref name="body"/> adding the rest.</summary>
    public static string Write(string bitGenerator, Action<Utf8JsonWriter> body)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            writer.WriteStartObject();
            writer.WriteString("bit_generator", bitGenerator);
            writer.WriteNumber(VersionKey, CurrentVersion);
            body(writer);
            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// A finite double as a JSON number that reads back to the same bits in .NET and in Python, and that Python's
    /// <c>json</c> reads as a float (never an int): the shortest round-trip form, with ".0" added when it has no
    /// fraction or exponent.
    /// </summary>
    public static string FormatDouble(double value)
    {
        if (!double.IsFinite(value))
        {
            throw new ArgumentOutOfRangeException(nameof(value), value, "JSON has no representation for NaN or infinity.");
        }

        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.AsSpan().IndexOfAny('.', 'E', 'e') >= 0 ? text : text + ".0";
    }

    /// <summary>Writes an integer of any size as an exact JSON number.</summary>
    public static void WriteInteger(Utf8JsonWriter writer, string name, BigInteger value)
    {
        writer.WritePropertyName(name);
        writer.WriteRawValue(value.ToString(CultureInfo.InvariantCulture), skipInputValidation: true);
    }

    private delegate bool TryRead<T>(JsonElement element, out T value);

    private static T[] GetArray<T>(JsonElement parent, string name, int length, TryRead<T> tryRead, T max)
    {
        JsonElement value = GetProperty(parent, name);
        if (value.ValueKind != JsonValueKind.Array)
        {
            throw new FormatException($"State entry '{name}' must be an array, not {value.ValueKind}.");
        }

        int count = value.GetArrayLength();
        if (count != length)
        {
            throw new FormatException($"State entry '{name}' has {count} elements; it must have exactly {length}.");
        }

        T[] result = new T[length];
        int i = 0;
        foreach (JsonElement item in value.EnumerateArray())
        {
            if (item.ValueKind != JsonValueKind.Number || !tryRead(item, out result[i]))
            {
                throw new FormatException($"State entry '{name}[{i}]' is {item.GetRawText()}; it must be an integer in [0, {max}].");
            }

            i++;
        }

        return result;
    }
}
