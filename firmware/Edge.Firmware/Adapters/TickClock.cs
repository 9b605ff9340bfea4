using System;
using Edge.Device.Board;

namespace Edge.Firmware.Adapters
{
    /// <summary>
    /// The board clock: nanoFramework's Environment.TickCount64 counts milliseconds on ChibiOS
    /// STM32 targets, so single inference times are quantised to 1 ms; `infer` with many repeats,
    /// or the trigger pin on a power monitor, gives finer figures.
    /// </summary>
    internal sealed class TickClock : IClock
    {
        public long Microseconds
        {
            get { return Environment.TickCount64 * 1000; }
        }
    }
}
