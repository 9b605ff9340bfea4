using Edge.Device.Runtime;

namespace Edge.Device.Board
{
    /// <summary>
    /// The GPIO the board raises for the duration of each inference, for a power monitor or logic
    /// analyser to time it (MLPerf Tiny's timestamp pin). In simulation it is also where simulated
    /// inference time passes.
    /// </summary>
    public interface ITriggerPin
    {
        [HotPath]
        void High();

        [HotPath]
        void Low();
    }
}
