using Edge.Device.Model;

namespace Edge.Device.Inference
{
    /// <summary>Load-time checks shared by the 2-D pooling kernels (parameters 0-10 are the same in both).</summary>
    public static class Pool2DGeometry
    {
        public const int Channels = 0;
        public const int InHeight = 1;
        public const int InWidth = 2;
        public const int OutHeight = 3;
        public const int OutWidth = 4;
        public const int KernelHeight = 5;
        public const int KernelWidth = 6;
        public const int StrideHeight = 7;
        public const int StrideWidth = 8;
        public const int PadTop = 9;
        public const int PadLeft = 10;

        public static void Check(ModelCheck c)
        {
            int[] p = c.P;
            c.Positive(p[Channels], "channels");
            Axis(c, p[InHeight], p[OutHeight], p[KernelHeight], p[StrideHeight], p[PadTop], "height");
            Axis(c, p[InWidth], p[OutWidth], p[KernelWidth], p[StrideWidth], p[PadLeft], "width");
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(input.ElementCount, p[Channels] * p[InHeight] * p[InWidth], "input elements");
            c.Equal(output.ElementCount, p[Channels] * p[OutHeight] * p[OutWidth], "output elements");
            c.Equal(output.ZeroPoint, input.ZeroPoint, "output zero point (pooling keeps the input's quantisation)");
        }

        private static void Axis(ModelCheck c, int inLength, int outLength, int kernel, int stride, int pad, string what)
        {
            c.Positive(inLength, "input " + what);
            c.Positive(outLength, "output " + what);
            c.Positive(kernel, "kernel " + what);
            c.Positive(stride, "stride " + what);
            c.InRange(pad, 0, kernel - 1, "padding " + what);
            // Every window must hold at least one real element, or max/average are undefined.
            c.InRange((outLength - 1) * stride - pad, -kernel + 1, inLength - 1, "last window start " + what);
        }
    }
}
