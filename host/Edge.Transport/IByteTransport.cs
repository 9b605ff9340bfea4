namespace Edge.Transport;

/// <summary>A byte stream to a device (serial port, TCP, pseudo-terminal), opened and owned.</summary>
public interface IByteTransport : IAsyncDisposable
{
    /// <summary>Where it leads, for messages: `/dev/ttyACM1`, `tcp://127.0.0.1:5025`.</summary>
    string Description { get; }

    Stream Stream { get; }
}
