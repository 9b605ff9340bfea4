using System.Net.Sockets;

namespace Edge.Transport;

/// <summary>A device (usually a simulator, or an Ethernet board) reached over TCP.</summary>
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

    public static async Task<TcpTransport> ConnectAsync(string host, int port, TimeSpan timeout, CancellationToken cancellationToken)
    {
        string description = $"tcp://{host}:{port}";
        var client = new TcpClient { NoDelay = true };
        using var deadline = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        deadline.CancelAfter(timeout);
        try
        {
            await client.ConnectAsync(host, port, deadline.Token).ConfigureAwait(false);
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
