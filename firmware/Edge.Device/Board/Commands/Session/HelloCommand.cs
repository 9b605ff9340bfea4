using Edge.Device.Codec;
using Edge.Device.Link;
using Edge.Device.Link.Messages;

namespace Edge.Device.Board
{
    /// <summary>
    /// `hello`: opens the session the frame header names (the host picks the id) and answers what
    /// the board is and can take. Opening forgets the earlier session's answers and telemetry
    /// settings; a hello repeating the current session id is answered again and resets nothing.
    /// A request of another protocol version opens nothing.
    /// </summary>
    public sealed class HelloCommand : CommandHandler
    {
        private readonly BoardConfig _config;
        private readonly LinkSession _session;
        private readonly ResponseCache _cache;
        private readonly TelemetrySchedule _telemetry;
        private readonly IMemoryGauge _memory;
        private readonly int _linkBufferBytes;
        private readonly HelloRequest _request = new HelloRequest();
        private readonly HelloReply _reply = new HelloReply();
        private readonly VersionReply _version = new VersionReply();
        private readonly ErrorText _error = new ErrorText();

        public HelloCommand(BoardConfig config, LinkSession session, ResponseCache cache, TelemetrySchedule telemetry, IMemoryGauge memory, int linkBufferBytes)
        {
            _config = config;
            _session = session;
            _cache = cache;
            _telemetry = telemetry;
            _memory = memory;
            _linkBufferBytes = linkBufferBytes;
        }

        public override byte Handle(ByteReader request, byte[] reply, int at, out int length)
        {
            _request.Read(request);
            if (_request.ProtocolVersion != LinkFrame.ProtocolVersion)
            {
                length = _version.Write(reply, at);
                return LinkStatus.UnsupportedVersion;
            }
            uint offered = _session.Offered;
            if (offered == LinkFrame.NoSession)
            {
                _error.Text = "session id 0 means no session; pick a nonzero one";
                length = _error.Write(reply, at);
                return LinkStatus.BadRequest;
            }
            if (!_session.Serves(offered))
            {
                int window = _request.Window < 1 ? 1 : _request.Window > _cache.Slots ? _cache.Slots : _request.Window;
                _session.Open(offered, window);
                _cache.Clear();
                _telemetry.Reset();
            }
            _reply.Window = _session.Window;
            _reply.Capabilities = _config.NativeKernels ? HelloReply.NativeKernels : 0;
            _reply.FirmwareVersion = _config.FirmwareVersion;
            _reply.BoardName = _config.BoardName;
            _reply.StagingCapacity = _config.StagingCapacity;
            _reply.VectorSlots = _config.VectorSlots;
            _reply.MaxRowWidth = _config.MaxRowWidth;
            _reply.ArenaBudget = _config.ArenaBudget;
            _reply.FreeMemory = _memory == null ? 0 : _memory.FreeBytes();
            _reply.LinkBufferBytes = _linkBufferBytes;
            length = _reply.Write(reply, at);
            return LinkStatus.Ok;
        }
    }
}
