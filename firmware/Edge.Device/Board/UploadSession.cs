using System;
using Edge.Device.Codec;

namespace Edge.Device.Board
{
    /// <summary>
    /// Stages an upload in a buffer sized once at start, persisting progress through the store so
    /// an interrupted upload (lost link, restarted board) resumes where it stopped. Nothing staged
    /// replaces the running model until <see cref="Verify"/> has checked the announced CRC-32.
    /// </summary>
    public sealed class UploadSession
    {
        private readonly IModelStore _store;

        public UploadSession(int capacity, IModelStore store)
        {
            Buffer = new byte[capacity];
            _store = store;
            if (store != null) Offset = store.LoadStaging(Buffer, out Kind, out Length, out Crc);
            if (!UploadKind.IsValid(Kind) || Length > capacity || Offset > Length) Reset();
        }

        public readonly byte[] Buffer;

        /// <summary>What the staged bytes are meant to become (<see cref="UploadKind"/>), their announced length and CRC-32.</summary>
        public byte Kind;
        public int Length;
        public uint Crc;

        /// <summary>Bytes staged so far.</summary>
        public int Offset;

        /// <summary>Starts an upload, or continues an identical one; returns the offset the host continues from.</summary>
        public int Begin(byte kind, int length, uint crc)
        {
            if (kind == Kind && length == Length && crc == Crc && Offset <= Length) return Offset;
            Kind = kind;
            Length = length;
            Crc = crc;
            Offset = 0;
            if (_store != null) _store.BeginStaging(kind, length, crc);
            return 0;
        }

        /// <summary>Appends a chunk at the expected offset; false when the offset is not the expected one or it would overrun.</summary>
        public bool Append(int offset, byte[] data, int from, int count)
        {
            if (Kind == UploadKind.None || offset != Offset || count < 0 || Offset + count > Length) return false;
            Array.Copy(data, from, Buffer, Offset, count);
            if (_store != null) _store.AppendStaging(Offset, data, from, count);
            Offset += count;
            return true;
        }

        /// <summary>True when every announced byte is staged and the CRC-32 matches.</summary>
        public bool Complete { get { return Kind != UploadKind.None && Offset == Length; } }

        public bool Verify()
        {
            return Complete && Crc32.Compute(Buffer, 0, Length) == Crc;
        }

        public void Reset()
        {
            Kind = UploadKind.None;
            Length = 0;
            Crc = 0;
            Offset = 0;
            if (_store != null) _store.ClearStaging();
        }
    }
}
