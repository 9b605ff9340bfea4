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
            c.ElementWise(c.P[Count], true);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            if (input != output) Array.Copy(arena, input, arena, output, p[Count]);
        }
    }
}
