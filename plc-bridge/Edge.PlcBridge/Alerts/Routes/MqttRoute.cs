using Edge.PlcBridge.Alerts.Configuration;
using Edge.PlcBridge.Alerts.Events;
using MQTTnet;
using MQTTnet.Protocol;

namespace Edge.PlcBridge.Alerts.Routes;

/// <summary>
/// Publishes each event as JSON with QoS 1 (the broker acknowledges it) on
/// <c>TOPIC-PREFIX/BOARD/KIND</c>, not retained. One connection, opened at the first event and
/// again after a failure; optional user name and password, optional TLS (the system's trust store).
/// </summary>
public sealed class MqttRoute : IAlertRoute
{
    private readonly MqttRouteConfig _config;
    private readonly IMqttClient _client;
    private readonly MqttClientOptions _options;

    public MqttRoute(MqttRouteConfig config)
    {
        _config = config;
        _client = new MqttClientFactory().CreateMqttClient();
        var options = new MqttClientOptionsBuilder()
            .WithTcpServer(config.Host, config.Port)
            .WithClientId(config.ClientId)
            .WithCleanSession()
            .WithTimeout(config.Retry.Timeout);
        if (config.Username is { } user)
            options = options.WithCredentials(user, config.Password);
        if (config.Tls)
            options = options.WithTlsOptions(tls => tls.UseTls());
        _options = options.Build();
    }

    public string Name => _config.Name;

    public async Task SendAsync(AlertEvent alert, ReadOnlyMemory<byte> json, CancellationToken cancellationToken)
    {
        var message = new MqttApplicationMessageBuilder()
            .WithTopic(_config.Topic(alert.Board, alert.Kind))
            .WithPayload(json.ToArray())
            .WithContentType("application/json")
            .WithQualityOfServiceLevel(MqttQualityOfServiceLevel.AtLeastOnce)
            .Build();
        try
        {
            if (!_client.IsConnected)
                await _client.ConnectAsync(_options, cancellationToken).ConfigureAwait(false);
            var result = await _client.PublishAsync(message, cancellationToken).ConfigureAwait(false);
            if (!result.IsSuccess)
                throw new AlertDeliveryException($"mqtt://{_config.Host}:{_config.Port} refused the message: {result.ReasonCode} {result.ReasonString}");
        }
        catch (Exception e) when (e is not AlertDeliveryException and not OperationCanceledException)
        {
            await DisconnectQuietlyAsync().ConfigureAwait(false);
            throw new AlertDeliveryException($"mqtt://{_config.Host}:{_config.Port}: {e.Message}", inner: e);
        }
        catch (OperationCanceledException)
        {
            // A publish that timed out leaves the session in an unknown state: start a new one.
            await DisconnectQuietlyAsync().ConfigureAwait(false);
            throw;
        }
    }

    private async Task DisconnectQuietlyAsync()
    {
        try
        {
            if (_client.IsConnected)
                await _client.DisconnectAsync().WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // the next attempt connects anew
        }
    }

    public async ValueTask DisposeAsync()
    {
        await DisconnectQuietlyAsync().ConfigureAwait(false);
        _client.Dispose();
    }
}
