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
        // On Unix a missing device reads as "access denied" from System.IO.Ports: say what it is.
        if (path.StartsWith('/') && !File.Exists(path))
            throw new TransportException($"Cannot open serial port {path}: no such device. Is it plugged in, and is this its port?");
        var port = new SerialPort(path, baudRate, Parity.None, 8, StopBits.One)
        {
            Handshake = Handshake.None,
            ReadTimeout = SerialPort.InfiniteTimeout,
            WriteTimeout = 5000,
        };
        try
        {
            port.Open();
            return new SerialPortTransport(port);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or InvalidOperationException)
        {
            port.Dispose();
            string hint = e is UnauthorizedAccessException
                ? "another program holds it, or this user may not open it (on Linux: the dialout group)"
                : "check the path and that the device is plugged in";
            throw new TransportException($"Cannot open serial port {path}: {e.Message} ({hint}).", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        port.Dispose();
        return ValueTask.CompletedTask;
    }
}
