using System.IO.Ports;
using Edge.Power.Errors;

namespace Edge.Power.Transport;

/// <summary>
/// A monitor on a serial device (System.IO.Ports): the V3PWR's second virtual COM port or the
/// LPM01A's CDC port, or the slave side of the simulator's pseudo-terminal.
/// </summary>
public sealed class SerialPortTransport : IPowerTransport
{
    private readonly SerialPort port;

    private SerialPortTransport(SerialPort port)
    {
        this.port = port;
        Stream = port.BaseStream;
    }

    public string Description => port.PortName;

    public Stream Stream { get; }

    /// <param name="path">`/dev/ttyACM1`, `/dev/pts/4`, `COM5`.</param>
    /// <param name="baudRate">Ignored by the V3PWR (USB CDC); 3 686 400 for the LPM01A.</param>
    public static SerialPortTransport Open(string path, int baudRate)
    {
        // On Unix a missing device reads as "access denied" from System.IO.Ports: say what it is.
        if (path.StartsWith('/') && !File.Exists(path))
            throw new MonitorDisconnectedException($"Cannot open serial port {path}: no such device. Is the monitor plugged in, and is this its power-monitor port?");
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
                : "check the path and that the monitor is plugged in";
            throw new MonitorDisconnectedException($"Cannot open serial port {path}: {e.Message} ({hint}).", e);
        }
    }

    public ValueTask DisposeAsync()
    {
        port.Dispose();
        return ValueTask.CompletedTask;
    }
}
