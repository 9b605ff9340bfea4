using Edge.Device.Runtime;

namespace Edge.Device.Codec
{
    /// <summary>
    /// CRC-32 as in IEEE 802.3, zlib and PNG (reflected polynomial 0xEDB88320, initial value and
    /// final xor 0xFFFFFFFF; check value of "123456789" is 0xCBF43926). Used for file checksums
    /// and link frames. The 1 KB table is built once, when the type is first used.
    /// </summary>
    public static class Crc32
    {
        private static readonly uint[] Table = BuildTable();

        /// <summary>CRC of <paramref name="count"/> bytes starting at <paramref name="offset"/>.</summary>
        [HotPath]
        public static uint Compute(byte[] data, int offset, int count)
        {
            return Finish(Update(Start(), data, offset, count));
        }

        /// <summary>State to pass to the first <see cref="Update"/> of an incremental CRC.</summary>
        [HotPath]
        public static uint Start()
        {
            return 0xFFFFFFFF;
        }

        [HotPath]
        public static uint Update(uint state, byte[] data, int offset, int count)
        {
            uint[] table = Table;
            int end = offset + count;
            for (int i = offset; i < end; i++)
            {
                state = table[(state ^ data[i]) & 0xFF] ^ (state >> 8);
            }
            return state;
        }

        [HotPath]
        public static uint Finish(uint state)
        {
            return state ^ 0xFFFFFFFF;
        }

        private static uint[] BuildTable()
        {
            uint[] table = new uint[256];
            for (uint n = 0; n < 256; n++)
            {
                uint c = n;
                for (int k = 0; k < 8; k++)
                {
                    c = (c & 1) != 0 ? 0xEDB88320 ^ (c >> 1) : c >> 1;
                }
                table[n] = c;
            }
            return table;
        }
    }
}
