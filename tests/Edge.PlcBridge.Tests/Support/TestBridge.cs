using Edge.PlcBridge.Boards;
using System.Net;
using Edge.Ads.Ams;
using Edge.Ads.Client;
using Edge.Ads.Server;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Hosting;
using Edge.PlcBridge.Metrics;
using Edge.PlcBridge.Publishing;
using Edge.PlcBridge.Service;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Edge.PlcBridge.Tests.Support;

/// <summary>
/// The bridge as `edge bridge run` hosts it (generic host, AddPlcBridge), on free loopback ports, fed
/// by scripted feeds. Its service runs on <see cref="Time"/>, a fake clock the test steps: a feed is
/// retried, a board turns stale and the log throttle's window ends only when the test moves it.
/// </summary>
internal sealed class TestBridge : IAsyncDisposable
{
    public static readonly AmsNetId NetId = AmsNetId.Parse("192.168.7.1.1.1");
    public static readonly AmsAddress ClientAddress = new(AmsNetId.Parse("10.0.0.77.1.1"), 32750);

    /// <summary>The intervals the tests step the clock by (a fresh fake clock is added per bridge).</summary>
    public static BridgeServiceOptions Fast { get; } = new()
    {
        RetryMinimum = TimeSpan.FromMilliseconds(50),
        RetryMaximum = TimeSpan.FromMilliseconds(200),
        CheckInterval = TimeSpan.FromMilliseconds(20),
        AcknowledgeTimeout = TimeSpan.FromSeconds(2),
        DisposeTimeout = TimeSpan.FromSeconds(2),
    };

    private TestBridge(IHost host, string yaml, BridgeConfig config, ScriptedFeeds feeds, CapturingLoggerProvider logs, BridgeServiceOptions options)
    {
        Options = options;
        Host = host;
        YamlText = yaml;
        Config = config;
        Feeds = feeds;
        Logs = logs;
    }

    public IHost Host { get; }

    public BridgeServiceOptions Options { get; }

    /// <summary>The service's clock; fails for a bridge started with options on the system clock.</summary>
    public FakeTimeProvider Time => Options.TimeProvider as FakeTimeProvider ?? throw new InvalidOperationException("this bridge runs on the system clock");

    /// <summary>Moves the service's clock past the longest retry pause: a failed feed is called again now (its pause began before the failure was published).</summary>
    public void StepPastRetry() => Time.Advance(Options.RetryMaximum);

    /// <summary>
    /// Moves the service's clock one check interval: an acknowledge written before this (the ADS
    /// write answered) is taken at this step at the latest (the check's timer was set before the
    /// watcher last looked).
    /// </summary>
    public void StepOneCheck() => Time.Advance(Options.CheckInterval);

    /// <summary>The configuration's text, for `edge bridge plc-types`.</summary>
    public string YamlText { get; }

    public BridgeConfig Config { get; }

    public ScriptedFeeds Feeds { get; }

    public CapturingLoggerProvider Logs { get; }

    public AdsServer Server => Host.Services.GetRequiredService<AdsServer>();

    public BridgeService Service => Host.Services.GetRequiredService<BridgeService>();

    public BridgeSymbols Symbols => Host.Services.GetRequiredService<BridgeSymbols>();

    public Uri MetricsUrl => Host.Services.GetRequiredService<PrometheusEndpoint>().Url!;

    public int Port => Server.LocalEndPoint!.Port;

    /// <summary>Two boards (Loom3 over TCP, Pump1 on a serial device), 8 feature slots, Loom3's acknowledge enabled, /metrics on.</summary>
    public static string Yaml(int features = 8, string staleAfter = "2s", string writeEnabled = "[Loom3.AlarmAck]") => $"""
        features: {features}
        boards:
          - name: Loom3
            address: tcp://127.0.0.1:4711
            stale-after: {staleAfter}
          - name: Pump1
            address: /dev/ttyACM0
            stale-after: {staleAfter}
        ads:
          tcp-port: 0
          net-id: {NetId}
          device-name: Edge test
          write-enabled: {writeEnabled}
        prometheus:
          url: http://127.0.0.1:0/metrics
        """;

    public static async Task<TestBridge> StartAsync(string? yaml = null, ScriptedFeeds? feeds = null, BridgeServiceOptions? options = null)
    {
        feeds ??= new ScriptedFeeds();
        return await StartAsync(yaml, feeds, feeds, options);
    }

    /// <summary>A bridge whose feeds come from <paramref name="factory"/> (the real board link, for instance).</summary>
    public static async Task<TestBridge> StartAsync(string? yaml, IBoardFeedFactory factory, ScriptedFeeds feeds, BridgeServiceOptions? options = null)
    {
        yaml ??= Yaml();
        options ??= WithFakeClock();
        var (host, config, logs) = Build(yaml, factory, options);
        await host.StartAsync();
        return new TestBridge(host, yaml, config, feeds, logs, options);
    }

    /// <summary>The host as `edge bridge run` builds it, not started, with its log captured.</summary>
    public static (IHost Host, BridgeConfig Config, CapturingLoggerProvider Logs) Build(string yaml, IBoardFeedFactory factory, BridgeServiceOptions? options = null)
    {
        var config = BridgeConfigLoader.Parse(yaml, "test.yaml");
        var logs = new CapturingLoggerProvider();
        var builder = Microsoft.Extensions.Hosting.Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        builder.Logging.SetMinimumLevel(LogLevel.Debug);
        builder.Logging.AddProvider(logs);
        builder.Services.AddPlcBridge(config, factory, options ?? WithFakeClock());
        return (builder.Build(), config, logs);
    }

    /// <summary><see cref="Fast"/> on a fresh fake clock that starts at the real time (snapshots carry real LastSeen times).</summary>
    public static BridgeServiceOptions WithFakeClock() => Fast with { TimeProvider = new FakeTimeProvider(DateTimeOffset.UtcNow) };

    public Task<AdsTcpClient> ConnectAsync() =>
        AdsTcpClient.ConnectAsync(IPAddress.Loopback.ToString(), Port, new AmsAddress(NetId, Config.Ads.AdsPort), ClientAddress);

    public BoardReading Reading(string board) => Service.Readings.Single(r => r.Board == board);

    public async ValueTask DisposeAsync()
    {
        await Host.StopAsync(TimeSpan.FromSeconds(10));
        Host.Dispose();
    }
}
