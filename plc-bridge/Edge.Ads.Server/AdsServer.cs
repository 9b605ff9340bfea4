using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Edge.Ads.Protocol;
using Edge.Ads.Server.Devices;
using Edge.Ads.Server.IndexGroups;
using Edge.Ads.Server.Logging;
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
    /// <summary>Repeated log events: at most this many full lines per kind and window, then a summary.</summary>
    public const int LogBurst = 5;

    public static readonly TimeSpan LogWindow = TimeSpan.FromSeconds(10);

    private readonly ServerContext _context;
    private readonly DeviceStatus _status = new();
    private readonly AdsServerCounters _counters = new();
    private readonly AdsServerLog _log;
    private readonly ConcurrentDictionary<long, (AmsConnection Connection, Task Run)> _connections = new();
    private readonly ConcurrentDictionary<IPAddress, int> _perPeer = new();
    private readonly CancellationTokenSource _stopping = new();
    private TcpListener? _listener;
    private Task? _acceptLoop;
    private ITimer? _sweep;
    private long _lastConnectionId;

    public AdsServer(AdsServerOptions options, AdsSymbolTable symbols, ILogger<AdsServer>? logger = null)
    {
        options.Validate();
        Options = options;
        Symbols = symbols;
        _log = new AdsServerLog(logger ?? (ILogger)NullLogger<AdsServer>.Instance, new LogThrottle(logger ?? (ILogger)NullLogger<AdsServer>.Instance, options.TimeProvider, LogWindow, LogBurst));
        var router = new IndexGroupRouter(symbols, _status, options, _log);
        _context = new ServerContext(options, router, new AdsDevice(router, _status, options, _log), new SystemServiceDevice(options), _counters, _log);
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

    public AdsServerStatistics Statistics => _counters.Snapshot(_log.Throttle.Suppressed, _connections.Values.Sum(c => c.Connection.QueuedBytes));

    /// <summary>The open connections now: what each holds and how much waits for it.</summary>
    public IReadOnlyList<AdsConnectionInfo> Connections => _connections.Values.Select(c => c.Connection.Info).OrderBy(c => c.Id).ToArray();

    /// <summary>
    /// Every connection's notifications are sampled and sent as far as <see cref="AdsServerOptions.TimeProvider"/>'s
    /// now makes due (for tests that step a fake clock; see <see cref="Notifications.NotificationScheduler.CaughtUp"/>).
    /// </summary>
    internal bool NotificationsCaughtUp => _connections.Values.All(c => c.Connection.Session.Notifications.CaughtUp);

    /// <summary>
    /// Sets the reported state, e.g. Stop while no board is connected; subscribers of group 0xF100
    /// (ads-client watches it) are notified.
    /// </summary>
    public void SetState(AdsState adsState, ushort deviceState = 0)
    {
        if (_status.Set(adsState, deviceState))
            _log.StateChanged(adsState, deviceState, AdsServerLog.ApplicationSource);
    }

    /// <exception cref="ListenException">The address cannot be listened on (in use, not this machine's, not permitted).</exception>
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (_listener is not null)
            throw new InvalidOperationException("the ADS server is already started");
        cancellationToken.ThrowIfCancellationRequested();
        var endPoint = new IPEndPoint(Options.BindAddress, Options.TcpPort);
        var listener = new TcpListener(endPoint);
        try
        {
            listener.Start(backlog: 64);
        }
        catch (SocketException e)
        {
            listener.Dispose();
            throw new ListenException("ADS (AMS/TCP)", endPoint, e);
        }
        _listener = listener;
        LocalEndPoint = (IPEndPoint)listener.LocalEndpoint;
        _log.Started(LocalEndPoint, Options.NetId, Options.AdsPort);
        var accept = new AcceptLoop(token => listener.AcceptSocketAsync(token), socket => Admit(socket, _stopping.Token), Options.TimeProvider, _counters, _log);
        _acceptLoop = accept.RunAsync(_stopping.Token);
        var period = SweepPeriod(Options);
        _sweep = Options.TimeProvider.CreateTimer(_ => Sweep(), null, period, period);
        return Task.CompletedTask;
    }

    /// <summary>Stops accepting, closes every connection and waits for them (or for <paramref name="cancellationToken"/>).</summary>
    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_listener is null || _stopping.IsCancellationRequested)
            return;
        await _stopping.CancelAsync().ConfigureAwait(false);
        _listener.Stop();
        if (_sweep is not null)
            await _sweep.DisposeAsync().ConfigureAwait(false);
        var running = _connections.Values.Select(c => c.Run).Append(_acceptLoop ?? Task.CompletedTask);
        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
        }
        _log.Throttle.Flush(final: true);
        _log.Stopped();
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync(CancellationToken.None).ConfigureAwait(false);
        Symbols.Changed -= OnChanged;
        _status.Changed -= OnChanged;
        _stopping.Dispose();
        _log.Throttle.Dispose();
    }

    // Timeouts are checked this often: a quarter of the shortest, between 10 ms and 1 s.
    private static TimeSpan SweepPeriod(AdsServerOptions o) =>
        TimeSpan.FromTicks(Math.Clamp(Math.Min(o.IdleTimeout.Ticks, Math.Min(o.RequestTimeout.Ticks, o.SendTimeout.Ticks)) / 4,
            TimeSpan.FromMilliseconds(10).Ticks, TimeSpan.FromSeconds(1).Ticks));

    // Timeouts of every connection; the sweep's period bounds how late one is noticed.
    private void Sweep()
    {
        long now = Options.TimeProvider.GetTimestamp();
        foreach (var (connection, _) in _connections.Values)
            connection.CheckTimeouts(now);
    }

    private void Admit(Socket socket, CancellationToken stopping)
    {
        var peer = socket.RemoteEndPoint as IPEndPoint;
        var address = peer?.Address is { IsIPv4MappedToIPv6: true } mapped ? mapped.MapToIPv4() : peer?.Address;
        (string Kind, string Reason)? refusal = address is null ? ("no peer address", "no peer address") : Refusal(address);
        if (refusal is { } refused)
        {
            _counters.ConnectionRejected();
            _log.ConnectionRefused(peer, refused.Kind, refused.Reason);
            socket.Dispose();
            return;
        }
        socket.NoDelay = true;
        long id = Interlocked.Increment(ref _lastConnectionId);
        var connection = new AmsConnection(id, socket, _context);
        _perPeer.AddOrUpdate(address!, 1, (_, n) => n + 1);
        _counters.ConnectionOpened();
        _log.ConnectionAccepted(id, peer);
        // Registered before it runs: a peer that got an answer finds its connection in Connections.
        var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _connections[id] = (connection, RunConnectionAsync(id, connection, address!, registered.Task, stopping));
        registered.SetResult();
    }

    // Why a peer may not connect now, or null. Reserved peers (the PLCs) may use every connection;
    // others only those not reserved, so however many connections others hold, a PLC gets in.
    private (string Kind, string Reason)? Refusal(IPAddress address)
    {
        if (Options.AllowedPeers.Count > 0 && !Options.AllowedPeers.Any(n => n.Contains(address)))
            return ("not in the allow-list", $"{address} is not in the allow-list");
        int open = _counters.ActiveConnections;
        bool reservedPeer = Options.ReservedPeers.Any(n => n.Contains(address));
        int reserved = Options.ReservedPeers.Count > 0 && !reservedPeer ? Options.ReservedConnections : 0;
        if (open >= Options.MaxConnections)
            return ("all connections taken", $"{Options.MaxConnections} connections are open already");
        if (open >= Options.MaxConnections - reserved)
            return ("only reserved connections left", $"{open} of {Options.MaxConnections} connections are open; the other {Options.MaxConnections - open} are kept for the reserved peers (the PLCs)");
        if (_perPeer.GetValueOrDefault(address) >= Options.MaxConnectionsPerPeer)
            return ("per-peer limit", $"{address} has {Options.MaxConnectionsPerPeer} connections open already");
        return null;
    }

    private async Task RunConnectionAsync(long id, AmsConnection connection, IPAddress address, Task registered, CancellationToken stopping)
    {
        await registered; // Admit has registered the connection: it can neither answer nor end before that
        try
        {
            await connection.RunAsync(stopping).ConfigureAwait(false);
        }
        finally
        {
            _connections.TryRemove(id, out _);
            // Peers with no connection left are forgotten: many source addresses must not grow the table.
            if (_perPeer.AddOrUpdate(address, 0, (_, n) => n - 1) <= 0)
                _perPeer.TryRemove(new KeyValuePair<IPAddress, int>(address, 0));
            _counters.ConnectionClosed();
        }
    }

    private void OnChanged(AdsRange range)
    {
        foreach (var (connection, _) in _connections.Values)
            connection.OnChanged(range);
    }
}
