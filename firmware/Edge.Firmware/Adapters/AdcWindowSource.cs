using System;
using System.Device.Adc;
using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>
    /// Samples a signal with the ADC into windows of a fixed length (a raw-window model such as
    /// flux_cnn1d reads 256 samples). The window buffer is allocated once; values are scaled to
    /// volts at the pin. Pacing is by the main loop: for a fixed rate use a timer or DMA firmware.
    /// </summary>
    internal sealed class AdcWindowSource : ISampleSource
    {
        private readonly AdcChannel _channel;
        private int _filled;

        public AdcWindowSource(int channel, int length)
        {
            _channel = new AdcController().OpenChannel(channel);
            Window = new float[length];
        }

        public float[] Window { get; private set; }

        /// <summary>Takes one sample; when the window is full, copies it to row and starts over.</summary>
        public bool TryRead(float[] row, int offset)
        {
            Window[_filled++] = (float)_channel.ReadRatio() * 3.3f;
            if (_filled < Window.Length) return false;
            _filled = 0;
            Array.Copy(Window, 0, row, offset, Window.Length);
            return true;
        }
    }
}
