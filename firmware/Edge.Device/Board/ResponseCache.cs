using System;

namespace Edge.Device.Board
{
    /// <summary>
    /// The last few responses to state-changing requests, by request id, so a request the host
    /// resends (its response was lost) is answered again without running twice. Fixed slots, each
    /// one encoded frame; the oldest is overwritten.
    /// </summary>
    public sealed class ResponseCache
    {
        private readonly ushort[] _ids;
        private readonly byte[] _commands;
        private readonly int[] _lengths;
        private readonly byte[][] _frames;
        private int _next;

        public ResponseCache(int slots, int frameCapacity)
        {
            _ids = new ushort[slots];
            _commands = new byte[slots];
            _lengths = new int[slots];
            _frames = new byte[slots][];
            for (int i = 0; i < slots; i++) _frames[i] = new byte[frameCapacity];
        }

        /// <summary>Resends served from the cache.</summary>
        public int Hits;

        /// <summary>The slot holding the response to this request, or -1.</summary>
        public int Find(ushort requestId, byte command)
        {
            for (int i = 0; i < _ids.Length; i++)
            {
                if (_lengths[i] > 0 && _ids[i] == requestId && _commands[i] == command) return i;
            }
            return -1;
        }

        public void Store(ushort requestId, byte command, byte[] frame, int length)
        {
            if (_ids.Length == 0) return;
            Array.Copy(frame, 0, _frames[_next], 0, length);
            _ids[_next] = requestId;
            _commands[_next] = command;
            _lengths[_next] = length;
            _next = (_next + 1) % _ids.Length;
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
