using Edge.Device.Codec;

namespace Edge.Device.Model
{
    /// <summary>
    /// The section table of an .edgem file: where each section lies. Checks that sections sit
    /// between the table and the checksum, do not overlap and are not repeated, and that no
    /// section a reader must understand is unknown to this one.
    /// </summary>
    public sealed class SectionTable
    {
        private const int KnownMax = SectionId.DriftProfile;

        private readonly int[] _offsets = new int[KnownMax + 1];
        private readonly int[] _lengths = new int[KnownMax + 1];
        private readonly bool[] _present = new bool[KnownMax + 1];

        public static SectionTable Read(byte[] data, int length)
        {
            var table = new SectionTable();
            var r = new ByteReader(data, EdgeModelFormat.HeaderSize, length - EdgeModelFormat.HeaderSize - EdgeModelFormat.TrailerSize, "model");
            int count = LittleEndian.ReadUInt16(data, EdgeModelFormat.SectionCountOffset);
            if (count > 64) throw r.Fail("section count " + count.ToString() + " is not plausible");
            int dataStart = EdgeModelFormat.HeaderSize + count * EdgeModelFormat.SectionEntrySize;
            int dataEnd = length - EdgeModelFormat.TrailerSize;
            int[] starts = new int[count];
            int[] ends = new int[count];
            for (int i = 0; i < count; i++)
            {
                int id = r.ReadUInt16("section id");
                int flags = r.ReadUInt16("section flags");
                int offset = r.ReadInt32("section offset");
                int size = r.ReadInt32("section length");
                string name = SectionId.Name(id);
                if (offset < dataStart || size < 0 || (long)offset + size > dataEnd)
                    throw r.Fail(name + " [" + offset.ToString() + ", +" + size.ToString() + ") lies outside the file's section area [" + dataStart.ToString() + ", " + dataEnd.ToString() + ")");
                for (int j = 0; j < i; j++)
                {
                    if (offset < ends[j] && starts[j] < offset + size) throw r.Fail(name + " overlaps another section");
                }
                starts[i] = offset;
                ends[i] = offset + size;
                if (id < 1 || id > KnownMax)
                {
                    if ((flags & EdgeModelFormat.SectionRequired) != 0) throw r.Fail(name + " is required but unknown to this reader; update the firmware or the edge tool");
                    continue;
                }
                if (table._present[id]) throw r.Fail(name + " appears twice");
                table._present[id] = true;
                table._offsets[id] = offset;
                table._lengths[id] = size;
            }
            return table;
        }

        /// <summary>A reader over the section, or null when the file has none.</summary>
        public ByteReader Optional(byte[] data, int id)
        {
            if (!_present[id]) return null;
            return new ByteReader(data, _offsets[id], _lengths[id], "model " + SectionId.Name(id) + " section");
        }

        public ByteReader Required(byte[] data, int id)
        {
            if (!_present[id]) throw new EdgeFormatException("model: the " + SectionId.Name(id) + " section is missing");
            return Optional(data, id);
        }
    }
}
