using System.Net;
using Edge.Ads.Server;
using Edge.PlcBridge.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Prometheus;

namespace Edge.PlcBridge.Metrics;

/// <summary>
/// Serves <see cref="BridgeMetrics"/> in the Prometheus text format at the configured URL, on a
/// Kestrel of its own (nothing else is served), started and stopped with the bridge.
/// </summary>
public sealed class PrometheusEndpoint : IHostedService, IAsyncDisposable
{
    private readonly PrometheusConfig _config;
    private readonly BridgeMetrics _metrics;
    private readonly ILogger<PrometheusEndpoint> _logger;
    private WebApplication? _app;

    public PrometheusEndpoint(PrometheusConfig config, BridgeMetrics metrics, ILogger<PrometheusEndpoint> logger)
    {
        _config = config;
        _metrics = metrics;
        _logger = logger;
    }

    /// <summary>Where scrapes go once started, with the real port when the configuration said 0.</summary>
    public Uri? Url { get; private set; }

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        var address = _config.Url.IsLoopback && _config.Url.HostNameType == UriHostNameType.Dns
            ? IPAddress.Loopback
            : IPAddress.Parse(_config.Url.DnsSafeHost);
        // The empty builder reads no appsettings or environment: the bridge configuration is the only input.
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions());
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(address, _config.Url.Port));
        builder.Services.AddRoutingCore();
        var app = builder.Build();
        app.MapMetrics(_config.Url.AbsolutePath, _metrics.Registry);
        try
        {
            await app.StartAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            await app.DisposeAsync().ConfigureAwait(false);
            // Kestrel wraps the socket's error (IOException > AddressInUseException > SocketException).
            for (var inner = e; inner is not null; inner = inner.InnerException)
            {
                if (inner is System.Net.Sockets.SocketException socketError)
                    throw new ListenException($"Prometheus metrics ({_config.Url})", new IPEndPoint(address, _config.Url.Port), socketError);
            }
            if (e is IOException)
                throw new IOException($"cannot serve Prometheus metrics at {_config.Url}: {e.Message}", e);
            throw;
        }
        _app = app;
        var bound = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        Url = bound is null ? _config.Url : new Uri(new Uri(bound), _config.Url.AbsolutePath);
        BridgeLog.PrometheusStarted(_logger, Url);
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_app is { } app)
            await app.StopAsync(cancellationToken).ConfigureAwait(false);
    }

    public async ValueTask DisposeAsync()
    {
        if (_app is { } app)
            await app.DisposeAsync().ConfigureAwait(false);
        _app = null;
    }
}
