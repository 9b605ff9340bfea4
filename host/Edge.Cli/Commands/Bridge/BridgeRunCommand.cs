using System.CommandLine;
using System.Net.Sockets;
using Edge.PlcBridge.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

using Edge.PlcBridge.Links;

namespace Edge.Cli.Commands.Bridge;

/// <summary>`edge bridge run`: the bridge as a long-running service (generic host, console or journald logs, Ctrl+C / SIGTERM).</summary>
internal static class BridgeRunCommand
{
    public static Command Build()
    {
        var config = BridgeOptions.Config();
        var logLevel = new Option<LogLevel>("--log-level", "-l")
        {
            Description = "Least severe log messages shown: Trace, Debug, Information, Warning, Error.",
            DefaultValueFactory = _ => LogLevel.Information,
        };
        var command = new Command("run",
            "Runs the bridge until Ctrl+C or SIGTERM: reads every configured board's telemetry, serves each board as an " +
            "ST_EdgeBoard STRUCT over ADS (by name and in the memory map; see `edge bridge check-config`), forwards the PLC's " +
            "alarm acknowledges where enabled, and serves Prometheus /metrics if configured. Under systemd it reports readiness " +
            "and logs in journald's format (plc-bridge/deploy/edge-bridge.service). Stops cleanly: connections closed, feeds released.\n\n" +
            "Examples:\n" +
            "  edge bridge run --config bridge.yaml\n" +
            "  edge bridge run -c /etc/edge/bridge.yaml --log-level Debug")
        {
            config, logLevel,
        };
        command.SetHandler((parse, io) =>
        {
            var bridgeConfig = BridgeOptions.Load(parse.GetValue(config)!);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "edge-bridge" });
            builder.Logging.SetMinimumLevel(parse.GetValue(logLevel));
            builder.Logging.AddSimpleConsole(o =>
            {
                o.SingleLine = true;
                o.TimestampFormat = "yyyy-MM-dd HH:mm:ss ";
            });
            builder.Services.AddSystemd(); // only takes effect when systemd started us
            builder.Services.AddPlcBridge(bridgeConfig, new LinkBoardFeeds());
            using var host = builder.Build();
            try
            {
                host.RunAsync().GetAwaiter().GetResult();
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM while still starting: the start was abandoned and everything begun is stopped.
            }
            catch (SocketException e)
            {
                throw new UserFacingException($"cannot listen on {bridgeConfig.Ads.Bind}:{bridgeConfig.Ads.TcpPort} (ads.bind, ads.tcp-port): {e.Message}", ExitCode.DeviceError, e);
            }
            catch (IOException e)
            {
                throw new UserFacingException(e.Message, ExitCode.DeviceError, e);
            }
            return ExitCode.Ok;
        });
        return command;
    }
}
