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
            // Sizes for the NUCLEO-F746ZG's ~60 KB managed heap (BoardPresets; the host's memory
            // model checks models and profiles against the same figures: edge model convert --board).
            BoardConfig config = BoardPresets.NucleoF746zg();
            config.FirmwareVersion = "edge 0.1.0";
            var transport = new UartTransport(BoardPins.LinkPort, BoardPins.LinkBaud);
            var clock = new TickClock();
            var pin = new GpioTriggerPin(BoardPins.TriggerPin);
#if EDGE_SD_STORE
            // Targets with a file system: committed files survive a reset (null when no card is mounted).
            IModelStore store = SdCardModelStore.TryOpen("D:\\edge");
#else
            // The F746ZG and F401RE firmware has no file system: uploads last until the next reset.
            IModelStore store = null;
#endif
            var board = new BoardRuntime(config, transport, clock, pin, store, new NativeMemoryGauge());
            board.Start();
            // For a board that samples its own signal (a raw-window model such as flux_cnn1d):
            // board.SampleSource = new AdcWindowSource(BoardPins.AdcChannel, 256, BoardPins.AdcReferenceVolts);

            while (true)
            {
                if (board.Poll() == 0) Thread.Sleep(1);
            }
        }
    }
}
