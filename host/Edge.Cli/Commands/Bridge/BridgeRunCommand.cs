using System.CommandLine;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Hosting;
using Edge.Store;
using Edge.PlcBridge.Links;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.Cli.Commands.Bridge;

/// <summary>`edge bridge run`: the bridge as a long-running service (generic host, console or journald logs, Ctrl+C / SIGTERM).</summary>
internal static class BridgeRunCommand
{
    public static Command Build()
    {
        var config = BridgeOptions.Config();
        var logLevel = new Option<LogLevel>("--log-level")
        {
            Description = "Least severe log messages shown: Trace, Debug, Information, Warning, Error (Debug and Trace also show stack traces).",
            DefaultValueFactory = _ => LogLevel.Information,
        };
        var store = new Option<string?>("--store")
        {
            Description = "Send retraining captures to this artifact store (s3://bucket/prefix or a folder; AWS_* variables for endpoint and keys) " +
                "through a local spool; overrides store.url of the configuration.",
        };
        var command = new Command("run",
            "Runs the bridge until Ctrl+C or SIGTERM: reads every configured board's telemetry, serves each board as an " +
            "ST_EdgeBoard STRUCT over ADS (by name and in the memory map; see `edge bridge check-config`), forwards the PLC's " +
            "alarm acknowledges where enabled (storing the board's retraining capture first, and with a store sending it there in the background), and serves Prometheus /metrics if configured. Under systemd it reports readiness " +
            "and logs in journald's format (plc-bridge/deploy/edge-bridge.service). Stops cleanly: connections closed, feeds released.\n\n" +
            "Examples:\n" +
            "  edge bridge run --config bridge.yaml\n" +
            "  edge bridge run -c /etc/edge/bridge.yaml --log-level Debug\n" +
            "  edge bridge run -c bridge.yaml --store s3://retraining/captures")
        {
            config, logLevel, store,
        };
        command.SetHandler(async (parse, io, cancellationToken) =>
        {
            var bridgeConfig = BridgeOptions.Load(parse.GetValue(config)!);
            if (parse.GetValue(store) is { } url) bridgeConfig = StoreConfigReader.WithStore(bridgeConfig, StoreLocation.Parse(url));
            var level = parse.GetValue(logLevel);
            var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true, ApplicationName = "edge-bridge" });
            builder.Logging.SetMinimumLevel(level);
            builder.Logging.AddConsole(o => o.FormatterName = OneLineConsoleFormatter.FormatterName)
                .AddConsoleFormatter<OneLineConsoleFormatter, OneLineConsoleFormatter.Settings>(o => o.StackTraces = level <= LogLevel.Debug);
            builder.Services.AddSystemd(); // only takes effect when systemd started us
            builder.Services.AddPlcBridge(bridgeConfig, new LinkBoardFeeds());
            using var host = builder.Build();
            try
            {
                await host.RunAsync(cancellationToken);
            }
            catch (OperationCanceledException)
            {
                // Ctrl+C or SIGTERM while still starting: the start was abandoned and everything begun is stopped.
            }
            // A listener that cannot start (ListenException: the ADS or metrics port taken) is one error line through CommandRunner.
            return ExitCode.Ok;
        });
        return command;
    }
}
