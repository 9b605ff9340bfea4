using System.Threading;
using Edge.Device.Board;
using Edge.Firmware.Adapters;

namespace Edge.Firmware
{
    /// <summary>
    /// The board app: wires the hardware adapters to the shared device loop and runs it. Models and
    /// drift profiles arrive over the link (`edge board upload`); rows arrive over the link
    /// (`edge board stream`, the HIL bench) or from the ADC source when one is configured.
    /// </summary>
    public static class Program
    {
        public static void Main()
        {
            var config = new BoardConfig
            {
                FirmwareVersion = "edge 0.1.0",
                BoardName = "NUCLEO-F746ZG",
                StagingCapacity = 96 * 1024,   // leaves room in a ~60 KB managed heap only for small models: measure with GC.Run
                ArenaBudget = 16 * 1024,
                VectorSlots = 4,
                MaxRowWidth = 300,
                ResponseCacheSlots = 4,            // the link window: 4 answers of 1,048 B kept for resends (8.9 KB for the whole link)
                StatusIntervalMs = 1000,
            };
            var transport = new UartTransport(BoardPins.LinkPort, BoardPins.LinkBaud);
            var clock = new TickClock();
            var pin = new GpioTriggerPin(BoardPins.TriggerPin);
            IModelStore store = SdCardModelStore.TryOpen("D:\\edge");   // null when no card: uploads then last until reset
            var board = new BoardRuntime(config, transport, clock, pin, store, new NativeMemoryGauge());
            board.Start();
            // For a board that samples its own signal (a raw-window model such as flux_cnn1d):
            // board.SampleSource = new AdcWindowSource(BoardPins.AdcChannel, 256);

            while (true)
            {
                if (board.Poll() == 0) Thread.Sleep(1);
            }
        }
    }
}
