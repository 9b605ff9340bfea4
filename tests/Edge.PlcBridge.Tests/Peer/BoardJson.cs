using System.Globalization;
using System.Text.Json.Nodes;

namespace Edge.PlcBridge.Tests.Peer;

/// <summary>Compares what ads-client decoded (JSON from the peer script) with the expected ST_EdgeBoard members.</summary>
internal static class BoardJson
{
    public static void AssertEqual(IReadOnlyDictionary<string, object> expected, JsonNode actual, string board)
    {
        CollectionAssert.AreEquivalent(expected.Keys.ToArray(), actual.AsObject().Select(kv => kv.Key).ToArray(), $"members of {board} as ads-client decoded them");
        foreach (var (member, value) in expected)
            AssertMember(value, actual.At(member), $"{board}.{member}");
    }

    public static void AssertMember(object expected, JsonNode actual, string what)
    {
        switch (expected)
        {
            case bool flag:
                Assert.AreEqual(flag, actual.GetValue<bool>(), what);
                break;
            case string text:
                Assert.AreEqual(text, actual.GetValue<string>(), what);
                break;
            case ulong big: // ads-client gives LINT/ULINT as BigInt; the script prints them as decimal strings
                Assert.AreEqual(big, ulong.Parse(actual.GetValue<string>(), CultureInfo.InvariantCulture), what);
                break;
            case float[] reals:
                CollectionAssert.AreEqual(reals.Select(r => (double)r).ToArray(), actual.AsArray().Select(n => n!.GetValue<double>()).ToArray(), what);
                break;
            case ushort[] counts:
                CollectionAssert.AreEqual(counts.Select(c => (double)c).ToArray(), actual.AsArray().Select(n => n!.GetValue<double>()).ToArray(), what);
                break;
            case bool[] flags:
                CollectionAssert.AreEqual(flags, actual.AsArray().Select(n => n!.GetValue<bool>()).ToArray(), what);
                break;
            default: // UDINT, UINT, USINT, REAL: JS numbers; a REAL arrives as its exact single-precision value
                Assert.AreEqual(Convert.ToDouble(expected, CultureInfo.InvariantCulture), actual.GetValue<double>(), what);
                break;
        }
    }
}
