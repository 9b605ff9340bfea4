using Edge.PlcBridge.Alerts.Detection;
using Edge.PlcBridge.Boards;
using Edge.PlcBridge.Configuration;
using Edge.PlcBridge.Metrics;
using Edge.PlcBridge.Publishing;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.PlcBridge.Service;

/// <summary>
/// The bridge: one <see cref="BoardWatcher"/> per configured board, each turning its feed's
/// snapshots into the board's ADS STRUCT and Prometheus gauges. The ADS server and the metrics
/// endpoint are hosted beside it (<see cref="Hosting.BridgeServiceCollectionExtensions"/>).
/// </summary>
public sealed class BridgeService : BackgroundService
{
    private readonly BridgeSymbols _symbols;
    private readonly IReadOnlyList<BoardWatcher> _watchers;
    private readonly ILogger _logger;

    public BridgeService(BridgeConfig config, BridgeSymbols symbols, IBoardFeedFactory feeds, BridgeMetrics metrics,
        BridgeServiceOptions? options = null, ILogger<BridgeService>? logger = null, AlertDetector? alerts = null)
    {
        _symbols = symbols;
        _logger = logger ?? NullLogger<BridgeService>.Instance;
        options ??= new BridgeServiceOptions();
        _watchers = config.Boards
            .Select(board => new BoardWatcher(board, symbols[board.Name], config.FeatureSlots, feeds, metrics, options, _logger, alerts))
            .ToArray();
    }

    /// <summary>What is published for each board now, in configuration order.</summary>
    public IReadOnlyList<BoardReading> Readings => _watchers.Select(w => w.Reading).ToArray();

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var map = _symbols.Map;
        BridgeLog.Starting(_logger, _watchers.Count, string.Join(", ", map.Entries.Select(e => e.Board)), map.IndexGroup, map.Layout.ByteSize);
        return Task.WhenAll(_watchers.Select(w => w.RunAsync(stoppingToken)));
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken).ConfigureAwait(false);
        await Task.WhenAll(_watchers.Select(w => w.DisposeAsync().AsTask())).ConfigureAwait(false);
        BridgeLog.Stopped(_logger);
    }
}
