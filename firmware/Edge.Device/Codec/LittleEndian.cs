using Edge.Device.Runtime;

namespace Edge.Device.Codec
{
    /// <summary>
    /// Little-endian reads and writes on byte arrays. Every file and frame Edge defines is
    /// little-endian; these helpers do not depend on the CPU's byte order (BitConverter does).
    /// Callers check bounds first (see <see cref="ByteReader"/>).
    /// </summary>
    public static class LittleEndian
    {
        [HotPath]
        public static ushort ReadUInt16(byte[] b, int at)
        {
            return (ushort)(b[at] | (b[at + 1] << 8));
        }

        [HotPath]
        public static int ReadInt32(byte[] b, int at)
        {
            return b[at] | (b[at + 1] << 8) | (b[at + 2] << 16) | (b[at + 3] << 24);
        }

        [HotPath]
        public static uint ReadUInt32(byte[] b, int at)
        {
            return (uint)ReadInt32(b, at);
        }

        [HotPath]
        public static long ReadInt64(byte[] b, int at)
        {
            return (long)ReadUInt32(b, at) | ((long)ReadInt32(b, at + 4) << 32);
        }

        [HotPath]
        public static void WriteUInt16(byte[] b, int at, ushort v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
        }

        [HotPath]
        public static void WriteInt32(byte[] b, int at, int v)
        {
            b[at] = (byte)v;
            b[at + 1] = (byte)(v >> 8);
            b[at + 2] = (byte)(v >> 16);
            b[at + 3] = (byte)(v >> 24);
        }

        [HotPath]
        public static void WriteUInt32(byte[] b, int at, uint v)
        {
            WriteInt32(b, at, (int)v);
        }

        [HotPath]
        public static void WriteInt64(byte[] b, int at, long v)
        {
            WriteInt32(b, at, (int)v);
            WriteInt32(b, at + 4, (int)(v >> 32));
        }
    }
}
