using System;
using Edge.Device.Runtime;

namespace Edge.Device.Board
{
    /// <summary>
    /// The encoded answers to the session's most recent requests, one slot per request the host
    /// may have in flight, found by request id (id modulo the slots) and command: a frame that
    /// reuses an answered id for another command is not that request's repeat, and must not get
    /// its answer (the host would read one command's reply as another's). A request the host resends
    /// (its answer was lost) is answered from here and not run again. Every command's answer is
    /// kept, queries too: it costs no more slots (one per request in flight either way), and a
    /// resent query then gets the answer of its one run, in order with the rest. Cleared when a
    /// session opens, so no session ever sees another's answers.
    /// </summary>
    public sealed class ResponseCache
    {
        // Request id in the low 16 bits, command above: one int per slot, which on nanoCLR's
        // 12-byte heap blocks costs what a ushort per slot did (1 or 4 slots).
        private readonly int[] _keys;
        private readonly int[] _lengths;
        private readonly byte[][] _frames;

        public ResponseCache(int slots, int frameCapacity)
        {
            if (slots < 1) throw new ArgumentOutOfRangeException("slots", "the board keeps at least one answer");
            _keys = new int[slots];
            _lengths = new int[slots];
            _frames = new byte[slots][];
            for (int i = 0; i < slots; i++) _frames[i] = new byte[frameCapacity];
            FrameCapacity = frameCapacity;
        }

        public int Slots { get { return _keys.Length; } }

        public int FrameCapacity { get; private set; }

        /// <summary>Resends answered from the cache, all sessions.</summary>
        public long Hits;

        /// <summary>The slot holding the answer to this request id and command, or -1.</summary>
        [HotPath]
        public int Find(ushort requestId, byte command)
        {
            int slot = requestId % _keys.Length;
            return _lengths[slot] > 0 && _keys[slot] == (requestId | command << 16) ? slot : -1;
        }

        [HotPath]
        public void Store(ushort requestId, byte command, byte[] frame, int length)
        {
            int slot = requestId % _keys.Length;
            Array.Copy(frame, 0, _frames[slot], 0, length);
            _keys[slot] = requestId | command << 16;
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
