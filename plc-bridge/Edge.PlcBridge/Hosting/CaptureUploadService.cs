using Edge.PlcBridge.Configuration;
using Edge.Store;
using Edge.Store.Spool;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Edge.PlcBridge.Hosting;

/// <summary>
/// With a `store:`, sends the spooled retraining captures to the artifact store in the background
/// (<see cref="SpoolUploader"/>: retries with back-off while the store is down, each capture removed from
/// the spool only once the store confirmed it). Runs beside the ADS server and never holds it up.
/// </summary>
public sealed class CaptureUploadService(StoreConfig config, ILogger<CaptureUploadService> logger, SpoolRetry? retry = null) : BackgroundService
{
    private SpoolUploader? _uploader;

    /// <summary>The running uploader (null before start).</summary>
    public SpoolUploader? Uploader => _uploader;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // Opening an S3 store reads credentials only; nothing is sent until a capture waits.
        using var store = ArtifactStore.Open(config.Location);
        _uploader = new SpoolUploader(new StoreSpool(config.SpoolFolder), store, logger, retry);
        logger.LogInformation("Retraining captures go to {Store} through the spool {Spool}", config.Location, config.SpoolFolder);
        await _uploader.RunAsync(stoppingToken).ConfigureAwait(false);
    }
}

/// <summary>Registers the capture uploader when the configuration has a `store:`.</summary>
public static class CaptureUploadRegistration
{
    public static IServiceCollection AddCaptureUpload(this IServiceCollection services, BridgeConfig config)
    {
        if (config.Store is not { } store) return services;
        services.AddSingleton(store);
        services.AddSingleton(sp => new CaptureUploadService(store, sp.GetRequiredService<ILogger<CaptureUploadService>>(), sp.GetService<SpoolRetry>()));
        services.AddHostedService(sp => sp.GetRequiredService<CaptureUploadService>());
        return services;
    }
}
