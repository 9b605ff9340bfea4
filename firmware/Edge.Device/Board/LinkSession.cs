using Edge.Device.Link;
using Edge.Device.Runtime;

namespace Edge.Device.Board
{
    /// <summary>
    /// The board's side of a link session: which host session it serves, the request id it runs
    /// next, and whether it already told the host so. Requests run exactly once and in id order
    /// (go-back-N): a request that is not the next is not run; the first such is answered
    /// out-of-order with the id expected (the host resends from there at once), later ones are
    /// dropped until the expected one arrives; a repeat of one already run is answered from the
    /// cache. A hello with a new session id starts over.
    /// </summary>
    public sealed class LinkSession
    {
        /// <summary>The host's session (LinkFrame.NoSession before the first hello).</summary>
        public uint Id;

        /// <summary>The session id in the header of the hello being handled.</summary>
        public uint Offered;

        /// <summary>Requests in flight the host may keep in this session.</summary>
        public int Window = 1;

        /// <summary>The request id run next: 1 after hello, +1 per request run (wraps at 65536).</summary>
        public ushort NextId;

        /// <summary>An out-of-order answer was sent and the expected request has not come yet.</summary>
        public bool RejectPending;

        /// <summary>Rows taken from the host in this session: where the next rows request must start.</summary>
        public long RowPosition;

        /// <summary>Requests refused as out of order (answered or dropped), all sessions.</summary>
        public long OutOfOrder;

        /// <summary>Sessions opened since start.</summary>
        public long Opened;

        public void Open(uint id, int window)
        {
            Id = id;
            Window = window;
            NextId = 1;
            RejectPending = false;
            RowPosition = 0;
            Opened++;
        }

        /// <summary>How a request id relates to the next one: 0 the next, 1..n a repeat of the n-th most recent, anything else out of order.</summary>
        [HotPath]
        public int Behind(ushort requestId)
        {
            return (ushort)(NextId - requestId);
        }

        public bool Serves(uint session)
        {
            return Id != LinkFrame.NoSession && session == Id;
        }
    }
}
