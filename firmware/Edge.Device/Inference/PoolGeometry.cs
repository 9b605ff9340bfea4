using Edge.Device.Model;

namespace Edge.Device.Inference
{
    /// <summary>Load-time checks shared by the 1-D pooling kernels.</summary>
    public static class PoolGeometry
    {
        public static void Check(ModelCheck c, int channels, int inLength, int outLength, int kernel, int stride, int pad)
        {
            c.Positive(channels, "channels");
            c.Positive(inLength, "input length");
            c.Positive(outLength, "output length");
            c.Positive(kernel, "kernel");
            c.Positive(stride, "stride");
            c.InRange(pad, 0, kernel - 1, "padding");
            // Every window must hold at least one real element, or max/average are undefined.
            c.InRange((outLength - 1) * stride - pad, -kernel + 1, inLength - 1, "last window start");
            TensorInfo input = c.Input(0, TensorType.Int8);
            TensorInfo output = c.Output(0, TensorType.Int8);
            c.Equal(input.ElementCount, channels * inLength, "input elements");
            c.Equal(output.ElementCount, channels * outLength, "output elements");
            c.Equal(output.ZeroPoint, input.ZeroPoint, "output zero point (pooling keeps the input's quantisation)");
        }
    }
}
