using System;
using Edge.Device.Codec;
using Edge.Device.Runtime;

namespace Edge.Device.Link.Messages
{
    /// <summary>`set-vector`: input values for a vector slot, from element `Start` on (a long vector takes several requests).</summary>
    public sealed class SetVectorRequest : LinkMessage
    {
        public const int HeaderBytes = 4;

        /// <summary>Values that fit one frame.</summary>
        public const int MaxValues = (LinkFrame.MaxPayload - HeaderBytes) / 4;

        public int Slot;
        public int Start;

        /// <summary>Writing: Values[ValuesOffset .. ValuesOffset+Count).</summary>
        public float[] Values = new float[0];
        public int ValuesOffset;
        public int Count;

        /// <summary>Read: the values stay in <see cref="Buffer"/> from <see cref="ValuesAt"/>.</summary>
        public byte[] Buffer = new byte[0];
        public int ValuesAt;

        [NoAlloc]
        public override int Write(byte[] b, int at)
        {
            int start = at;
            at = FieldWriter.U16(b, at, Slot, "slot");
            at = FieldWriter.U16(b, at, Start, "start element");
            for (int i = 0; i < Count; i++) at = FieldWriter.F32(b, at, Values[ValuesOffset + i]);
            return at - start;
        }

        [HotPath]
        public override void Read(ByteReader r)
        {
            Slot = r.ReadUInt16("slot");
            Start = r.ReadUInt16("start element");
            Buffer = r.Data;
            ValuesAt = r.Position;
            Count = r.Remaining / 4;
            r.Skip(Count * 4, "values");
            r.ExpectEnd("set-vector");
        }

        /// <summary>Copies the values (floats and their IEEE-754 bits) to floats/bits at `to`.</summary>
        [NoAlloc]
        public void CopyValues(float[] floats, int[] bits, int to)
        {
            int p = ValuesAt;
            for (int i = 0; i < Count; i++)
            {
                bits[to + i] = LittleEndian.ReadInt32(Buffer, p);
                floats[to + i] = BitConverter.ToSingle(Buffer, p);
                p += 4;
            }
        }
    }
}
