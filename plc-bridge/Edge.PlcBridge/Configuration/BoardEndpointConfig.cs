using Edge.Transport;

namespace Edge.PlcBridge.Configuration;

/// <summary>One board: its name on the PLC side and how its link is reached.</summary>
/// <param name="Name">IEC identifier: the ADS symbol (<c>Loom3.DriftAlarm</c>) and the Prometheus <c>board</c> label.</param>
/// <param name="Address"><c>tcp://HOST:PORT</c> (Ethernet boards, simulated boards) or a serial device (<c>/dev/ttyACM0</c>, <c>COM5</c>).</param>
/// <param name="BaudRate">Serial line speed; ignored for TCP.</param>
/// <param name="StaleAfter">With no telemetry for this long the board is stale and not online.</param>
/// <param name="Slot">1-based place in the memory map: the board sits at offset (Slot - 1) * SIZEOF(ST_EdgeBoard).</param>
public sealed record BoardEndpointConfig(string Name, string Address, int BaudRate, TimeSpan StaleAfter, int Slot)
{
    /// <summary>The drift profile (.edgp) the board runs, if given: it names the features (Prometheus labels).</summary>
    public string? ProfilePath { get; init; }

    /// <summary>
    /// Where the board's retraining capture is stored before a PLC's acknowledge is forwarded (the
    /// board releases it then): the configuration's `captures:` folder, full path.
    /// </summary>
    public string CaptureFolder { get; init; } = Path.GetFullPath(BridgeConfig.DefaultCaptureFolder);

    /// <summary>With a `store:`, the spool folder the capture goes to instead (the bridge's uploader sends it on).</summary>
    public string? CaptureSpool { get; init; }

    public const int DefaultBaudRate = 115200;

    /// <summary>Longest board name: it is also the STRUCT's <c>Name</c>, a STRING(31).</summary>
    public const int MaxNameLength = 31;

    public static TimeSpan DefaultStaleAfter { get; } = TimeSpan.FromSeconds(5);

    public bool IsTcp => ByteTransports.TryParseTcp(Address, out _, out _);
}
