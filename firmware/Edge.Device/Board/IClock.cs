using Edge.Device.Runtime;

namespace Edge.Device.Board
{
    /// <summary>A monotonic clock. On nanoFramework STM32 targets the tick is 1 ms, so inference times there are only meaningful averaged over many runs.</summary>
    public interface IClock
    {
        long Microseconds { [HotPath] get; }
    }
}
