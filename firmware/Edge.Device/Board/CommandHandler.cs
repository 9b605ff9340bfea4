using Edge.Device.Codec;

namespace Edge.Device.Board
{
    /// <summary>
    /// One link command on the board: reads its request message, does the work, writes its reply
    /// message. Registered once in the <see cref="CommandTable"/> under its command byte. A
    /// request that does not read (too short, too long, a field out of range) never reaches the
    /// work: the reader throws, and the loop answers bad-request with the reader's message.
    /// </summary>
    public abstract class CommandHandler
    {
        /// <summary>Runs the request whose payload <paramref name="request"/> spans; writes the reply payload at reply[at..] and its length; returns the status.</summary>
        public abstract byte Handle(ByteReader request, byte[] reply, int at, out int length);
    }
}
