using System.Device.Adc;

namespace Edge.Firmware.Adapters
{
    /// <summary>
    /// Samples a signal with the ADC into windows of a fixed length (a raw-window model such as
    /// flux_cnn1d reads 256 samples). The window buffer is allocated once; values are scaled to
    /// volts at the pin. Pacing is by the main loop: for a fixed rate use a timer or DMA firmware.
    /// </summary>
    internal sealed class AdcWindowSource
    {
        private readonly AdcChannel _channel;
        private int _filled;

        public AdcWindowSource(int channel, int length)
        {
            _channel = new AdcController().OpenChannel(channel);
            Window = new float[length];
        }

        public float[] Window { get; private set; }

        /// <summary>Takes one sample; true when the window is full (it then starts over).</summary>
        public bool TryReadWindow()
        {
            Window[_filled++] = (float)_channel.ReadRatio() * 3.3f;
            if (_filled < Window.Length) return false;
            _filled = 0;
            return true;
        }
    }
}
