using System;
using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>
    /// Free managed heap, from nanoFramework.Runtime.Native's GC.Run, the only way nanoFramework 1.x
    /// reports it. GC.Run runs a full collection, so it is not run for every status record (one a
    /// second by default): the figure is re-measured when the last one is older than
    /// <see cref="MaxAgeMs"/>. The board loop allocates nothing while it runs, so between uploads
    /// the figure does not change.
    /// </summary>
    internal sealed class NativeMemoryGauge : IMemoryGauge
    {
        /// <summary>How old a measurement may be before the next status record measures again.</summary>
        public const long MaxAgeMs = 30000;

        private int _free;
        private long _measuredAt = long.MinValue;

        public int FreeBytes()
        {
            long now = Environment.TickCount64;
            if (_measuredAt == long.MinValue || now - _measuredAt >= MaxAgeMs)
            {
                _free = (int)nanoFramework.Runtime.Native.GC.Run(false);
                _measuredAt = now;
            }
            return _free;
        }
    }
}
