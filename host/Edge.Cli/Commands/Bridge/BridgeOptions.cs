using System.CommandLine;
using Edge.PlcBridge.Configuration;

namespace Edge.Cli.Commands.Bridge;

/// <summary>What the `edge bridge` commands share: the configuration file.</summary>
internal static class BridgeOptions
{
    public static Option<FileInfo> Config() => new("--config", "-c")
    {
        Description = "The bridge configuration (YAML); plc-bridge/deploy/bridge.example.yaml shows every key.",
        Required = true,
    };

    /// <summary>Loads and checks the configuration; a mistake is a <see cref="BridgeConfigException"/> naming file, line and key (exit code 3).</summary>
    public static BridgeConfig Load(FileInfo file) => BridgeConfigLoader.Load(file.FullName);
}
