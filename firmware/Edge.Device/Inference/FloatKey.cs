using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// An order-preserving map from float32 bit patterns to int32: for any two non-NaN floats,
    /// a &lt;= b exactly when Key(a) &lt;= Key(b) (likewise &lt;, ==). Positive floats keep their bits
    /// (IEEE-754 orders them like integers); negative ones flip their magnitude bits so larger
    /// magnitudes sort lower; -0 becomes +0. Tree splits on float inputs then compare integers and
    /// still decide exactly as float32 does, with no floating point on the board.
    /// </summary>
    public static class FloatKey
    {
        [HotPath]
        public static int FromBits(int bits)
        {
            if (bits == int.MinValue) return 0;              // -0.0 equals +0.0
            return bits >= 0 ? bits : bits ^ 0x7FFFFFFF;
        }

        /// <summary>The float32 bit pattern of a key (the inverse, -0 excepted).</summary>
        [HotPath]
        public static int ToBits(int key)
        {
            return key >= 0 ? key : key ^ 0x7FFFFFFF;
        }
    }
}
