using Edge.TestSupport.Servers;

namespace Edge.Fleet.Tests.Support;

/// <summary>The gateway's endpoint and keys in this process's environment, as a user would set them for a service; the old values come back on dispose.</summary>
public sealed class GatewayEnvironment : IDisposable
{
    private readonly Dictionary<string, string?> _saved;

    private GatewayEnvironment(Dictionary<string, string?> values)
    {
        _saved = values.Keys.ToDictionary(v => v, Environment.GetEnvironmentVariable);
        foreach (var (name, value) in values) Environment.SetEnvironmentVariable(name, value);
    }

    public static GatewayEnvironment Set() => new(new Dictionary<string, string?>
    {
        ["AWS_ACCESS_KEY_ID"] = CephGateway.AccessKey,
        ["AWS_SECRET_ACCESS_KEY"] = CephGateway.SecretKey,
        ["AWS_ENDPOINT_URL"] = SharedServers.Gateway.Endpoint.ToString(),
        ["AWS_PROFILE"] = null,
    });

    public void Dispose()
    {
        foreach (var (name, value) in _saved) Environment.SetEnvironmentVariable(name, value);
    }
}
