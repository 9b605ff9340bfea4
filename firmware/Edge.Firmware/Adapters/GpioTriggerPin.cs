using System.Device.Gpio;
using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>
    /// The trigger pin on a GPIO (nanoFramework.System.Device.Gpio). Edges use GpioPin.Toggle, a
    /// native call without arguments: Write(PinValue.High) would allocate on nanoCLR on every edge
    /// (PinValue is a struct; PinValue.High builds one and passing it by value copies it).
    /// Toggle needs the current level, which this class keeps.
    /// </summary>
    internal sealed class GpioTriggerPin : ITriggerPin
    {
        private readonly GpioPin _pin;
        private bool _high;

        public GpioTriggerPin(int pinNumber)
        {
            _pin = new GpioController().OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);   // once, at start
        }

        public void High()
        {
            if (_high) return;
            _pin.Toggle();
            _high = true;
        }

        public void Low()
        {
            if (!_high) return;
            _pin.Toggle();
            _high = false;
        }
    }
}
