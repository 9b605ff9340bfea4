using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Any element-wise function of one int8 tensor (Sigmoid, Tanh, Exp, Pow with a constant) by a
    /// 256-entry table: out = table[x + 128]. The converter fills the table from the float function
    /// between the two quantisations, so the only error is the output's rounding.
    /// </summary>
    public static class LookupTableInt8
    {
        public const int Count = 0;
        public const int TableAt = 1;  // weights offset: 256 int8 entries, index x + 128
        public const int ParameterCount = 2;

        public const int TableLength = 256;

        public static void Check(ModelCheck c)
        {
            c.ElementWise(c.P[Count], false);
            c.Weights(c.P[TableAt], TableLength, "table");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] weights, sbyte[] arena, int input, int output)
        {
            int count = p[Count];
            int table = p[TableAt] + 128;
            for (int i = 0; i < count; i++)
            {
                arena[output + i] = weights[table + arena[input + i]];
            }
        }
    }
}
