using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>`status`: the status record (the same one status telemetry carries).</summary>
    public sealed class StatusCommand : CommandHandler
    {
        private readonly BoardRuntime _board;
        private readonly StatusRecord _record = new StatusRecord();

        public StatusCommand(BoardRuntime board)
        {
            _board = board;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            request.ExpectEnd("status");
            _board.FillStatus(_record);
            length = _record.Write(reply, at);
            return LinkStatus.Ok;
        }
    }
}
