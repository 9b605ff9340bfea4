using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Edge.Hil.Results;

/// <summary>The JSON of result files: indented, readable characters, nulls written (a missing figure is visible as null).</summary>
public static class ResultJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static byte[] Serialize<T>(T value) => JsonSerializer.SerializeToUtf8Bytes(value, Options);

    public static T? Deserialize<T>(byte[] json) => JsonSerializer.Deserialize<T>(json, Options);

    /// <summary>The JSON properties of <typeparamref name="T"/> in the order they are written: names, types and getters (results.parquet's columns are these).</summary>
    public static IList<JsonPropertyInfo> Properties<T>()
    {
        Options.MakeReadOnly(populateMissingResolver: true); // what the first Serialize would do
        return Options.GetTypeInfo(typeof(T)).Properties;
    }
}
