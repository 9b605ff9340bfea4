using System.Globalization;

namespace Edge.Transport;

/// <summary>Opens a transport from an address: `tcp://HOST:PORT`, otherwise a serial device path or port name.</summary>
public static class ByteTransports
{
    public const string TcpScheme = "tcp://";

    public static async Task<IByteTransport> OpenAsync(string address, int baudRate, TimeSpan connectTimeout, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(address)) throw new ArgumentException("No device address given.", nameof(address));
        if (TryParseTcp(address, out string host, out int port))
            return await TcpTransport.ConnectAsync(host, port, connectTimeout, cancellationToken).ConfigureAwait(false);
        if (address.StartsWith(TcpScheme, StringComparison.OrdinalIgnoreCase))
            throw new TransportException($"'{address}' is not a TCP address; write tcp://HOST:PORT, e.g. tcp://127.0.0.1:5025.");
        return SerialPortTransport.Open(address, baudRate);
    }

    /// <summary>`tcp://127.0.0.1:5025`, `tcp://[::1]:5025`, `tcp://localhost:5025`.</summary>
    public static bool TryParseTcp(string address, out string host, out int port)
    {
        host = "";
        port = 0;
        if (!address.StartsWith(TcpScheme, StringComparison.OrdinalIgnoreCase)) return false;
        string rest = address[TcpScheme.Length..].TrimEnd('/');
        int colon = rest.LastIndexOf(':');
        if (colon <= 0 || !int.TryParse(rest[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out port) || port > 65535) return false;
        host = rest[..colon].Trim('[', ']');
        return host.Length > 0;
    }
}
