using System.IO.Ports;

namespace Edge.Transport;

/// <summary>A device on a serial port (System.IO.Ports): a board's UART adapter, a monitor's virtual COM port, a simulator's pseudo-terminal.</summary>
public sealed class SerialPortTransport : IByteTransport
{
    private readonly SerialPort port;

    private SerialPortTransport(SerialPort port)
    {
        this.port = port;
        Stream = port.BaseStream;
    }

    public string Description => port.PortName;

    public Stream Stream { get; }

    /// <param name="path">`/dev/ttyACM1`, `/dev/ttyUSB0`, `/dev/pts/4`, `COM5`.</param>
    /// <param name="baudRate">Ignored by USB CDC devices.</param>
    public static SerialPortTransport Open(string path, int baudRate)
    {
        // On Unix every failure to open reads as "access denied" from System.IO.Ports, a missing device
        // (or a Windows name such as COM7) included: say what it is.
        if (!OperatingSystem.IsWindows() && !File.Exists(path))
            throw new TransportException($"Cannot open serial port {path}: no such device.");
        if (baudRate <= 0)
            throw new TransportException($"Cannot open serial port {path} at {baudRate} baud: the baud rate must be positive.");
        SerialPort? port = null;
        try
        {
            port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One)
            {
                Handshake = Handshake.None,
                ReadTimeout = SerialPort.InfiniteTimeout,
                WriteTimeout = 5000,
            };
            port.Open();
            return new SerialPortTransport(port);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port?.Dispose();
            string reason = e is UnauthorizedAccessException
                ? "permission denied, or another program holds it (on Linux this user needs the dialout group)"
                : e.Message.TrimEnd('.');
            throw new TransportException($"Cannot open serial port {path}: {reason}.", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        port.Dispose();
        return ValueTask.CompletedTask;
    }
}
