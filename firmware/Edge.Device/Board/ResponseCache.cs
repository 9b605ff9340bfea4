using System;
using Edge.Device.Runtime;

namespace Edge.Device.Board
{
    /// <summary>
    /// The encoded answers to the session's most recent requests, one slot per request the host
    /// may have in flight, found by request id (id modulo the slots). A request the host resends
    /// (its answer was lost) is answered from here and not run again. Every command's answer is
    /// kept, queries too: it costs no more slots (one per request in flight either way), and a
    /// resent query then gets the answer of its one run, in order with the rest. Cleared when a
    /// session opens, so no session ever sees another's answers.
    /// </summary>
    public sealed class ResponseCache
    {
        private readonly ushort[] _ids;
        private readonly int[] _lengths;
        private readonly byte[][] _frames;

        public ResponseCache(int slots, int frameCapacity)
        {
            if (slots < 1) throw new ArgumentOutOfRangeException("slots", "the board keeps at least one answer");
            _ids = new ushort[slots];
            _lengths = new int[slots];
            _frames = new byte[slots][];
            for (int i = 0; i < slots; i++) _frames[i] = new byte[frameCapacity];
            FrameCapacity = frameCapacity;
        }

        public int Slots { get { return _ids.Length; } }

        public int FrameCapacity { get; private set; }

        /// <summary>Resends answered from the cache, all sessions.</summary>
        public long Hits;

        /// <summary>The slot holding the answer to this request id, or -1.</summary>
        [HotPath]
        public int Find(ushort requestId)
        {
            int slot = requestId % _ids.Length;
            return _lengths[slot] > 0 && _ids[slot] == requestId ? slot : -1;
        }

        [HotPath]
        public void Store(ushort requestId, byte[] frame, int length)
        {
            int slot = requestId % _ids.Length;
            Array.Copy(frame, 0, _frames[slot], 0, length);
            _ids[slot] = requestId;
            _lengths[slot] = length;
        }

        [HotPath]
        public void Clear()
        {
            Array.Clear(_lengths, 0, _lengths.Length);
        }

        public byte[] Frame(int slot)
        {
            return _frames[slot];
        }

        public int Length(int slot)
        {
            return _lengths[slot];
        }
    }
}
