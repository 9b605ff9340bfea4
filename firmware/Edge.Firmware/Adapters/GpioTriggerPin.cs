using System.Device.Gpio;
using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>The trigger pin on a GPIO (nanoFramework.System.Device.Gpio): one native call per edge.</summary>
    internal sealed class GpioTriggerPin : ITriggerPin
    {
        private readonly GpioPin _pin;

        public GpioTriggerPin(int pinNumber)
        {
            _pin = new GpioController().OpenPin(pinNumber, PinMode.Output);
            _pin.Write(PinValue.Low);
        }

        public void High()
        {
            _pin.Write(PinValue.High);
        }

        public void Low()
        {
            _pin.Write(PinValue.Low);
        }
    }
}
