using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Devices;
using Edge.Ads.Server.IndexGroups;
using Edge.Ads.Server.Symbols;
using Edge.Ads.Server.Transport;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Edge.Ads.Server;

/// <summary>
/// A standalone ADS server on AMS/TCP: it serves the symbols of an <see cref="AdsSymbolTable"/> on
/// <see cref="AdsServerOptions.AdsPort"/> and a minimal system service on port 10000, to PLCs
/// (ADSREAD/ADSRDWRT through a static route) and ADS clients (ads-client, AdsLib, TwinCAT.Ads)
/// connecting directly. An <see cref="IHostedService"/>: start, stop with cancellation, dispose.
/// </summary>
public sealed class AdsServer : IHostedService, IAsyncDisposable
{
    private readonly ServerContext _context;
    private readonly DeviceStatus _status = new();
    private readonly AdsServerCounters _counters = new();
    private readonly ILogger _logger;
    private readonly ConcurrentDictionary<long, (AmsConnection Connection, Task Run)> _connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> _perPeer = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private long _lastConnectionId;

    public AdsServer(AdsServerOptions options, AdsSymbolTable symbols, ILogger<AdsServer>? logger = null)
    {
        options.Validate();
        Options = options;
        Symbols = symbols;
        _logger = logger ?? NullLogger<AdsServer>.Instance;
        var router = new IndexGroupRouter(symbols, _status, options, _logger);
        _context = new ServerContext(options, router, new AdsDevice(router, _status, options, _logger), new SystemServiceDevice(options), _counters, _logger);
        symbols.Changed += OnChanged;
        _status.Changed += OnChanged;
    }

    public AdsServerOptions Options { get; }

    public AdsSymbolTable Symbols { get; }

    /// <summary>Where the server listens once started (the real port when <see cref="AdsServerOptions.TcpPort"/> is 0).</summary>
    public IPEndPoint? LocalEndPoint { get; private set; }

    /// <summary>The ADS state ReadState answers; Run unless set otherwise.</summary>
    public AdsState State => _status.AdsState;

    public ushort DeviceState => _status.DeviceState;

    public AdsServerStatistics Statistics => _counters.Snapshot();

    /// <summary>
    /// Sets the reported state, e.g. Stop while no board is connected; subscribers of group 0xF100
    /// (ads-client watches it) are notified.
    /// </summary>
    public void SetState(AdsState adsState, ushort deviceState = 0)
    {
        if (_status.Set(adsState, deviceState))
            AdsServerLog.StateChanged(_logger, adsState, deviceState, "application");
    }

    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_listener is not null)
            throw new InvalidOperationException("the ADS server is already started");
        cancellationToken.ThrowIfCancellationRequested();
        var listener = new TcpListener(Options.BindAddress, Options.TcpPort);
        listener.Start(backlog: 64);
        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndpoint;
        AdsServerLog.Started(_logger, LocalEndPoint, Options.NetId, Options.AdsPort);
        _acceptLoop = AcceptLoopAsync(_stopping.Token);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, closes every connection and waits for them (or for <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null || _stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        var running = _connections.Values.Select(c => c.Run).Append(_acceptLoop ?? Task.CompletedTask);
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        AdsServerLog.Stopped(_logger);
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Symbols.Changed -= OnChanged;
        _status.Changed -= OnChanged;
        _stopping.Dispose();
    }

    private async Task AcceptLoopAsync(CancellationToken stopping)
    {
        while (!stopping.IsCancellationRequested)
        {
            Socket socket;
            try
            {
                socket = await _listener!.AcceptSocketAsync(stopping).ConfigureAwait(false);
            }
            catch (Exception e) when (e is OperationCanceledException or ObjectDisposedException || (e is SocketException && stopping.IsCancellationRequested))
            {
                return;
            }
            catch (SocketException)
            {
                continue; // a connection that died while queued
            }
            Admit(socket, stopping);
        }
    }

    private void Admit(Socket socket, CancellationToken stopping)
    {
        var peer = socket.RemoteEndPoint as IPEndPoint;
        var address = peer?.Address is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : peer?.Address;
        string? refusal = address is null ? "no peer address"
            : Options.AllowedPeers.Count > 0 && !Options.AllowedPeers.Any(n => n.Contains(address)) ? $"{address} is not in the allow-list"
            : _counters.ActiveConnections >= Options.MaxConnections ? $"{Options.MaxConnections} connections are open already"
            : _perPeer.GetValueOrDefault(address) >= Options.MaxConnectionsPerPeer ? $"{address} has {Options.MaxConnectionsPerPeer} connections open already"
            : null;
        if (refusal is not null)
        {
            _counters.ConnectionRejected();
            AdsServerLog.ConnectionRejected(_logger, peer, refusal);
            socket.Dispose();
            return;
        }
        socket.NoDelay = true;
        long id = Interlocked.Increment(ref _lastConnectionId);
        var connection = new AmsConnection(id, socket, _context);
        _perPeer.AddOrUpdate(address!, 1, (_, n) => n + 1);
        _counters.ConnectionOpened();
        AdsServerLog.ConnectionAccepted(_logger, id, peer);
        _connections[id] = (connection, RunConnectionAsync(id, connection, address!, stopping));
    }

    private async Task RunConnectionAsync(long id, AmsConnection connection, IPAddress address, CancellationToken stopping)
    {
        await Task.Yield(); // let Admit register the connection before it can end
        try
        {
            await connection.RunAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(id, out _);
            _perPeer.AddOrUpdate(address, 0, (_, n) => n - 1);
            _counters.ConnectionClosed();
        }
    }

    private void OnChanged(AdsRange range)
    {
        foreach (var (connection, _) in _connections.Values)
            connection.OnChanged(range);
    }
}
