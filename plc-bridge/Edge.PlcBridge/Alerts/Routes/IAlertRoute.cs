using Edge.PlcBridge.Alerts.Events;

namespace Edge.PlcBridge.Alerts.Routes;

/// <summary>Where alert events go. One delivery attempt per call; the dispatcher retries, times out and dead-letters.</summary>
public interface IAlertRoute : IAsyncDisposable
{
    /// <summary>The configured route name (dead-letter files, metrics label).</summary>
    string Name { get; }

    /// <summary>Delivers <paramref name="json"/> (the serialized <paramref name="alert"/>); returns when the receiver took it, throws when it did not.</summary>
    Task SendAsync(AlertEvent alert, ReadOnlyMemory<byte> json, CancellationToken cancellationToken);
}

/// <summary>A receiver refused an event. <see cref="Permanent"/>: retrying would be refused again (an HTTP 400, say).</summary>
public sealed class AlertDeliveryException(string message, bool permanent = false, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
