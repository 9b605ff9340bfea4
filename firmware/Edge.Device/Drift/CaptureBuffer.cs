using System;
using Edge.Device.Runtime;

namespace Edge.Device.Drift
{
    /// <summary>
    /// A fixed ring of the most recent input rows (in the profile's fixed point), for retraining
    /// on drifted data: armed by the first window over the drift threshold, frozen when drift is
    /// confirmed, so what the host fetches is the data that caused the alarm. Sized once;
    /// recording a row is an Array.Copy.
    /// </summary>
    public sealed class CaptureBuffer
    {
        private readonly int[] _rows;
        private readonly long[] _sequence;
        private readonly bool[] _anomalous;
        private int _next;

        public CaptureBuffer(int capacity, int columns)
        {
            Capacity = capacity;
            Columns = columns;
            _rows = new int[capacity * columns];
            _sequence = new long[capacity];
            _anomalous = new bool[capacity];
        }

        public int Capacity { get; private set; }

        public int Columns { get; private set; }

        /// <summary>Rows held (at most Capacity).</summary>
        public int Count;

        /// <summary>See <see cref="CaptureState"/>.</summary>
        public byte State;

        /// <summary>Window count at which the buffer froze (for the host to match with telemetry).</summary>
        public int FrozenAtWindow;

        [HotPath]
        public void Offer(int[] row, int offset, long sequence, bool anomalous)
        {
            if (State != CaptureState.Armed || Capacity == 0) return;
            Array.Copy(row, offset, _rows, _next * Columns, Columns);
            _sequence[_next] = sequence;
            _anomalous[_next] = anomalous;
            _next = _next + 1 == Capacity ? 0 : _next + 1;
            if (Count < Capacity) Count++;
        }

        [HotPath]
        public void Arm()
        {
            if (State != CaptureState.Idle || Capacity == 0) return;
            State = CaptureState.Armed;
            Count = 0;
            _next = 0;
        }

        /// <summary>The threshold is no longer exceeded before drift was confirmed: drop what was kept.</summary>
        [HotPath]
        public void Disarm()
        {
            if (State != CaptureState.Armed) return;
            State = CaptureState.Idle;
            Count = 0;
            _next = 0;
        }

        [HotPath]
        public void Freeze(int window)
        {
            if (State != CaptureState.Armed) return;
            State = CaptureState.Frozen;
            FrozenAtWindow = window;
        }

        /// <summary>The host has the rows: start over.</summary>
        public void Release()
        {
            State = CaptureState.Idle;
            Count = 0;
            _next = 0;
        }

        /// <summary>Copies the i-th oldest held row into destination; returns its sample sequence number.</summary>
        public long CopyRow(int i, int[] destination, int destinationOffset, out bool anomalous)
        {
            if (i < 0 || i >= Count) throw new ArgumentOutOfRangeException("i");
            int slot = Count < Capacity ? i : (_next + i) % Capacity;
            Array.Copy(_rows, slot * Columns, destination, destinationOffset, Columns);
            anomalous = _anomalous[slot];
            return _sequence[slot];
        }
    }
}
