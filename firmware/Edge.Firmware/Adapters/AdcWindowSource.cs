using System;
using System.Device.Adc;
using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>
    /// Samples a signal with the ADC into windows of a fixed length (a raw-window model such as
    /// flux_cnn1d reads 256 samples). The window buffer is allocated once; values are scaled to
    /// volts at the pin with one float multiply (ReadRatio would divide in double, which the
    /// single-precision FPUs of the F4/F7 do in software). Pacing is by the main loop: for a fixed
    /// rate use a timer or DMA firmware.
    /// </summary>
    internal sealed class AdcWindowSource : ISampleSource
    {
        private readonly AdcChannel _channel;
        private readonly float _voltsPerCount;
        private readonly float[] _window;
        private int _filled;

        /// <param name="channel">Index into the target's ADC channel table (not a pin number): see BoardPins.AdcChannel.</param>
        public AdcWindowSource(int channel, int length, float referenceVolts)
        {
            var controller = new AdcController();
            _channel = controller.OpenChannel(channel);
            _voltsPerCount = referenceVolts / controller.MaxValue;
            _window = new float[length];
        }

        /// <summary>Takes one sample; when the window is full, copies it to row and starts over.</summary>
        public bool TryRead(float[] row, int offset)
        {
            _window[_filled++] = _channel.ReadValue() * _voltsPerCount;
            if (_filled < _window.Length) return false;
            _filled = 0;
            Array.Copy(_window, 0, row, offset, _window.Length);
            return true;
        }
    }
}
