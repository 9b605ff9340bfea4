using Edge.Device.Codec;
using Edge.Device.Link;

namespace Edge.Device.Board
{
    /// <summary>`ping`: nothing to do; the answer shows the board and the link are alive (the host's heartbeat).</summary>
    public sealed class PingCommand : CommandHandler
    {
        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            request.ExpectEnd("ping");
            length = 0;
            return LinkStatus.Ok;
        }
    }
}
