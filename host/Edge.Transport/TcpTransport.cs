using System.Net.Sockets;

namespace Edge.Transport;

/// <summary>
/// A device (usually a simulator, or an Ethernet board) reached over TCP. Keepalive is on (first
/// probe after 5 s idle, then every second, 3 unanswered probes end the connection): a device that
/// lost power leaves a half-open connection that the OS then closes within about 8 s even when the
/// protocol above sends nothing.
/// </summary>
public sealed class TcpTransport : IByteTransport
{
    private readonly TcpClient client;

    private TcpTransport(TcpClient client, string description)
    {
        this.client = client;
        Description = description;
        Stream = client.GetStream();
    }

    public string Description { get; }

    public Stream Stream { get; }

    /// <summary>The connected socket (for its options).</summary>
    public Socket Socket => client.Client;

    public const int KeepAliveIdleSeconds = 5;
    public const int KeepAliveIntervalSeconds = 1;
    public const int KeepAliveProbes = 3;

    public static async Task<TcpTransport> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string description = $"tcp://{host}:{port}";
        var client = new TcpClient { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
            client.Client.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.KeepAlive, true);
            client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveTime, KeepAliveIdleSeconds);
            client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveInterval, KeepAliveIntervalSeconds);
            client.Client.SetSocketOption(SocketOptionLevel.Tcp, SocketOptionName.TcpKeepAliveRetryCount, KeepAliveProbes);
            return new TcpTransport(client, description);
        }
        catch (Exception e) when (e is SocketException || (e is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            client.Dispose();
            string reason = e is SocketException s ? s.Message : $"no answer within {timeout.TotalSeconds:0.#} s";
            throw new TransportException($"Cannot connect to {description}: {reason}.", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        client.Dispose();
        return ValueTask.CompletedTask;
    }
}
