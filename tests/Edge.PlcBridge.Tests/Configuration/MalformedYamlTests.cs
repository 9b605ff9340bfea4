using Edge.PlcBridge.Configuration;
using Edge.TestSupport;

namespace Edge.PlcBridge.Tests.Configuration;

/// <summary>
/// However a configuration is mangled (brackets, quotes, tabs inserted, characters lost, cut
/// short), loading it fails with a <see cref="BridgeConfigException"/> naming the file; never
/// another exception, which `edge bridge run|check-config|plc-types` would show as a crash. YamlDotNet's
/// scanner throws InvalidOperationException on an unclosed '[' inside a block mapping.
/// </summary>
[TestClass]
public sealed class MalformedYamlTests
{
    [TestMethod]
    public void AnUnclosedListInsideABlockIsAConfigurationError()
    {
        var e = Assert.ThrowsExactly<BridgeConfigException>(() =>
            BridgeConfigLoader.Parse("features: 64\nboards:\n  - name: Loom3\n    [stale-after: 5s\n    address: tcp://127.0.0.1:4711\n", "bridge.yaml"));
        StringAssert.StartsWith(e.Message, "bridge.yaml");
        StringAssert.Contains(e.Message, "not valid YAML");
    }

    [TestMethod]
    public void DurationsBeyondADayAreRefused()
    {
        // A timer takes at most about 49 days: a stale-after of years would crash the service once it started.
        var e = Assert.ThrowsExactly<BridgeConfigException>(() =>
            BridgeConfigLoader.Parse("boards:\n  - name: A\n    address: tcp://127.0.0.1:4711\n    stale-after: 100000h\n", "bridge.yaml"));
        StringAssert.Contains(e.Message, "boards[0].stale-after: 100000h is too long; it must be at most 24h");
    }

    [TestMethod]
    public void MutatedConfigurationsFailOnlyWithConfigurationErrors()
    {
        string text = File.ReadAllText(Path.Combine(RepoPaths.Root, "plc-bridge", "deploy", "bridge.example.yaml"));
        var crashes = TextMutations.Crashes<BridgeConfigException>(text, 3000, seed: 5, yaml => BridgeConfigLoader.Parse(yaml, "bridge.yaml"));
        Assert.AreEqual(0, crashes.Count, string.Join("\n----\n", crashes.Take(3)));
    }
}
