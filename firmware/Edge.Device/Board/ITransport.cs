namespace Edge.Device.Board
{
    /// <summary>The board's byte stream to the host (a UART, a socket, a pseudo-terminal in simulation).</summary>
    public interface ITransport
    {
        /// <summary>Copies up to count received bytes into buffer without waiting; returns how many (0 when none).</summary>
        int Read(byte[] buffer, int offset, int count);

        /// <summary>Sends count bytes (may block until the driver took them).</summary>
        void Write(byte[] buffer, int offset, int count);
    }
}
