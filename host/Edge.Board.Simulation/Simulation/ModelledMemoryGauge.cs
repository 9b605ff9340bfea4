using Edge.Device.Board;
using Edge.Targets.Boards;
using Edge.Targets.Heap;
using Edge.Targets.Memory;

namespace Edge.Board.Simulation;

/// <summary>
/// The simulated board's free-memory figure: the real board's managed heap, less nanoCLR's own
/// share and the static tables, less everything the board loop holds right now priced as nanoCLR
/// allocates it (Edge.Targets' <see cref="HeapMeasure"/>). 0 when the loaded model and profile
/// would not fit the real board (the fit checks say by how much).
/// </summary>
public sealed class ModelledMemoryGauge(BoardTarget board) : IMemoryGauge
{
    private BoardRuntime? _runtime;

    internal void Watch(BoardRuntime runtime) => _runtime = runtime;

    public int FreeBytes()
    {
        long used = BoardMemory.Statics + (_runtime is null ? 0 : HeapMeasure.Of(_runtime));
        return (int)Math.Max(0, board.AppHeapBytes - used);   // the status record carries it unsigned
    }
}
