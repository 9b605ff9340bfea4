using System;
using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// Flatten and Reshape: the bytes do not change, only the shape; a copy when the planner put
    /// the output elsewhere in the arena, nothing when it aliased the input.
    /// </summary>
    public static class ReshapeInt8
    {
        public const int Count = 0;
        public const int ParameterCount = 1;

        public static void Check(ModelCheck c)
        {
            c.Positive(c.P[Count], "element count");
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(input.ElementCount, c.P[Count], "input elements");
            c.Equal(output.ElementCount, c.P[Count], "output elements");
            c.Equal(output.ZeroPoint, input.ZeroPoint, "output zero point (a reshape keeps the input's quantisation)");
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            if (input != output) Array.Copy(arena, input, arena, output, p[Count]);
        }
    }
}
