using System.CommandLine;
using Edge.PlcBridge.Configuration;

namespace Edge.Cli.Commands.Bridge;

/// <summary>What the `edge bridge` commands share: the configuration file and how its errors reach the user.</summary>
internal static class BridgeOptions
{
    public static Option<FileInfo> Config() => new("--config", "-c")
    {
        Description = "The bridge configuration (YAML); plc-bridge/deploy/bridge.example.yaml shows every key.",
        Required = true,
    };

    /// <summary>Loads and checks the configuration; a mistake becomes one error line naming file, line and key.</summary>
    public static BridgeConfig Load(FileInfo file)
    {
        try
        {
            return BridgeConfigLoader.Load(file.FullName);
        }
        catch (BridgeConfigException e)
        {
            throw new UserFacingException(e.Message, ExitCode.InvalidInput, e);
        }
    }
}
