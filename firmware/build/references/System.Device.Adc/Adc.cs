// Reference declarations: nanoFramework.System.Device.Adc 1.1.24 (assembly System.Device.Adc),
// only the members the board app calls. Signatures only; see ../README.md.
using System;
using Edge.Firmware.References;

[assembly: UpstreamPackage("nanoFramework.System.Device.Adc", "1.1.24")]

namespace System.Device.Adc
{
    [UpstreamPackage("nanoFramework.System.Device.Adc", "1.1.24")]
    public abstract class AdcControllerBase
    {
        public abstract AdcChannel OpenChannel(int channelNumber);

        public abstract int MaxValue { get; }
    }

    [UpstreamPackage("nanoFramework.System.Device.Adc", "1.1.24")]
    public class AdcController : AdcControllerBase
    {
        public AdcController() { throw null; }

        public override AdcChannel OpenChannel(int channelNumber) { throw null; }

        public override int MaxValue { get { throw null; } }
    }

    [UpstreamPackage("nanoFramework.System.Device.Adc", "1.1.24")]
    public abstract class AdcChannelBase
    {
        public abstract int ReadValue();
    }

    [UpstreamPackage("nanoFramework.System.Device.Adc", "1.1.24")]
    public class AdcChannel : AdcChannelBase, IDisposable
    {
        private AdcChannel() { }

        public override int ReadValue() { throw null; }

        public void Dispose() { throw null; }
    }
}
