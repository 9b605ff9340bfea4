// Reference declarations: nanoFramework.System.Device.Gpio 1.1.57 (assembly System.Device.Gpio),
// only the members the board app calls. Signatures only; see ../README.md.
using System;
using Edge.Firmware.References;

[assembly: UpstreamPackage("nanoFramework.System.Device.Gpio", "1.1.57")]

namespace System.Device.Gpio
{
    [UpstreamPackage("nanoFramework.System.Device.Gpio", "1.1.57")]
    public sealed class GpioController : IDisposable
    {
        public GpioController() { throw null; }

        public GpioPin OpenPin(int pinNumber, PinMode mode) { throw null; }

        public void Dispose() { throw null; }
    }

    [UpstreamPackage("nanoFramework.System.Device.Gpio", "1.1.57")]
    public sealed class GpioPin : IDisposable
    {
        private GpioPin() { }

        public void Write(PinValue value) { throw null; }

        public extern void Toggle();

        public void Dispose() { throw null; }
    }

    [UpstreamPackage("nanoFramework.System.Device.Gpio", "1.1.57")]
    public enum PinMode
    {
        Input,
        InputPullDown,
        InputPullUp,
        Output,
        OutputOpenDrain,
        OutputOpenDrainPullUp,
        OutputOpenSource,
        OutputOpenSourcePullDown,
    }

    /// <summary>A struct: on nanoCLR every PinValue.High/Low and every pass by value allocates.</summary>
    [UpstreamPackage("nanoFramework.System.Device.Gpio", "1.1.57")]
    public readonly struct PinValue
    {
#pragma warning disable CS0169 // upstream's only field, kept so the struct is not empty
        private readonly byte _value;
#pragma warning restore CS0169

        public static PinValue High { get { throw null; } }

        public static PinValue Low { get { throw null; } }
    }
}
