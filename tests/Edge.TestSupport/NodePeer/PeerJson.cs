using System.Text.Json.Nodes;

namespace Edge.TestSupport;

/// <summary>Short accessors for the peer scripts' JSON, failing with the whole object when a field is missing.</summary>
public static class PeerJson
{
    public static JsonNode At(this JsonNode node, string path)
    {
        JsonNode? current = node;
        foreach (var part in path.Split('.'))
        {
            current = int.TryParse(part, out int index) ? current?[index] : current?[part];
            if (current is null)
                Assert.Fail($"'{path}' is missing in {node.ToJsonString()}");
        }
        return current!;
    }

    public static double Number(this JsonNode node, string path) => node.At(path).GetValue<double>();

    public static string Text(this JsonNode node, string path) => node.At(path).GetValue<string>();

    public static bool Flag(this JsonNode node, string path) => node.At(path).GetValue<bool>();

    /// <summary>The value of a step the script attempted; fails with the step's error if it failed.</summary>
    public static JsonNode Ok(this JsonNode result, string step)
    {
        var node = result.At(step);
        if (node["error"] is { } error)
            Assert.Fail($"ads-client step '{step}' failed: {error} (ADS error {node["errorCode"]})");
        return node.At("value");
    }

    /// <summary>The ADS error code a step failed with; fails if it succeeded.</summary>
    public static int ErrorCode(this JsonNode result, string step)
    {
        var node = result.At(step);
        if (node["error"] is null)
            Assert.Fail($"ads-client step '{step}' succeeded, an error was expected: {node.ToJsonString()}");
        return node.At("errorCode").GetValue<int>();
    }
}
