using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>Free managed heap, from nanoFramework.Runtime.Native (runs a collection without compacting).</summary>
    internal sealed class NativeMemoryGauge : IMemoryGauge
    {
        public int FreeBytes()
        {
            return (int)nanoFramework.Runtime.Native.GC.Run(false);
        }
    }
}
