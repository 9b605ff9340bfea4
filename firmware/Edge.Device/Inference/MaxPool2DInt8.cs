using Edge.Device.Model;
using Edge.Device.Runtime;

namespace Edge.Device.Inference
{
    /// <summary>
    /// 2-D max pooling over [channels][height][width]; input and output share scale and zero
    /// point, so the maximum of the int8 values is the quantised maximum. Padding never wins
    /// (ONNX pads MaxPool with -infinity).
    /// </summary>
    public static class MaxPool2DInt8
    {
        public const int Channels = Pool2DGeometry.Channels;
        public const int InHeight = Pool2DGeometry.InHeight;
        public const int InWidth = Pool2DGeometry.InWidth;
        public const int OutHeight = Pool2DGeometry.OutHeight;
        public const int OutWidth = Pool2DGeometry.OutWidth;
        public const int KernelHeight = Pool2DGeometry.KernelHeight;
        public const int KernelWidth = Pool2DGeometry.KernelWidth;
        public const int StrideHeight = Pool2DGeometry.StrideHeight;
        public const int StrideWidth = Pool2DGeometry.StrideWidth;
        public const int PadTop = Pool2DGeometry.PadTop;
        public const int PadLeft = Pool2DGeometry.PadLeft;
        public const int ActivationMin = 11;
        public const int ActivationMax = 12;
        public const int ParameterCount = 13;

        public static void Check(ModelCheck c)
        {
            Pool2DGeometry.Check(c);
            c.ActivationRange(c.P[ActivationMin], c.P[ActivationMax]);
        }

        [HotPath]
        public static void Eval(int[] p, sbyte[] arena, int input, int output)
        {
            int channels = p[Channels];
            int inHeight = p[InHeight];
            int inWidth = p[InWidth];
            int outHeight = p[OutHeight];
            int outWidth = p[OutWidth];
            int y = output;
            for (int ch = 0; ch < channels; ch++)
            {
                int plane = input + ch * inHeight * inWidth;
                for (int oy = 0; oy < outHeight; oy++)
                {
                    int top = oy * p[StrideHeight] - p[PadTop];
                    int yFrom = top < 0 ? 0 : top;
                    int yTo = top + p[KernelHeight] > inHeight ? inHeight : top + p[KernelHeight];
                    for (int ox = 0; ox < outWidth; ox++)
                    {
                        int left = ox * p[StrideWidth] - p[PadLeft];
                        int xFrom = left < 0 ? 0 : left;
                        int xTo = left + p[KernelWidth] > inWidth ? inWidth : left + p[KernelWidth];
                        int best = QuantMath.Int8Min;
                        for (int iy = yFrom; iy < yTo; iy++)
                        {
                            int row = plane + iy * inWidth;
                            for (int ix = xFrom; ix < xTo; ix++)
                            {
                                int v = arena[row + ix];
                                if (v > best) best = v;
                            }
                        }
                        arena[y++] = (sbyte)QuantMath.Clamp(best, p[ActivationMin], p[ActivationMax]);
                    }
                }
            }
        }
    }
}
