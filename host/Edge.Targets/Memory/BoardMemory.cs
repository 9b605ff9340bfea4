using Edge.Device.Board;
using Edge.Device.Drift;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Targets.Boards;
using Edge.Targets.Heap;

namespace Edge.Targets.Memory;

/// <summary>
/// The board app's managed heap on nanoCLR, part by part, measured on the device code itself:
/// each part is built by the same source the board runs (BoardRuntime with the board's preset,
/// the Interpreter for a model, the DriftMonitor for a profile) and priced object by object with
/// <see cref="HeapMeasure"/>. Used by `edge model convert --board`, `edge drift profile --board`,
/// the HIL fit check and the simulated boards.
/// </summary>
public static class BoardMemory
{
    private static readonly Lazy<long> StaticsBytes = new(() => new HeapMeasure().AddStatics());

    /// <summary>The device code's static tables (CRC, ln, sqrt) and static fields.</summary>
    public static long Statics => StaticsBytes.Value;

    /// <summary>What the board loop allocates at start with this configuration: link buffers, response cache, staging, rows, telemetry.</summary>
    public static long App(BoardConfig config)
    {
        var runtime = new BoardRuntime(config, NoTransport.Instance, NoClock.Instance, NoPin.Instance, null, null);
        return HeapMeasure.Of(runtime);
    }

    /// <summary>A loaded model: its constants, tensors and arena (the Interpreter), and the board's vector slots for it.</summary>
    public static long Model(EdgeModel model, BoardConfig config)
    {
        var interpreter = new Interpreter(model, 0);
        long vectors = 2L * NanoClrHeap.ArrayBytes((long)config.VectorSlots * interpreter.InputsLength, 4);
        return Resident(interpreter, model) + vectors;
    }

    /// <summary>
    /// The interpreter as the board keeps it: the board reads models with ModelReader.ReadResident,
    /// which leaves the metadata strings and the embedded drift profile in the staging buffer and
    /// holds three empty arrays in their place; a model read on the host has them copied.
    /// </summary>
    private static long Resident(Interpreter interpreter, EdgeModel model)
    {
        var left = new HeapMeasure();
        left.Add(model.MetadataKeys);
        left.Add(model.MetadataValues);
        left.Add(model.DriftProfile);
        long kept = left.Add(interpreter);
        return kept + 2L * NanoClrHeap.ArrayBytes(0, NanoClrHeap.ElementBytes(typeof(string))) + NanoClrHeap.ArrayBytes(0, 1);
    }

    /// <summary>A loaded drift profile: the profile and the monitor's sketches, reports and capture ring.</summary>
    public static long Profile(DriftProfile profile) => HeapMeasure.Of(new DriftMonitor(profile));

    /// <summary>
    /// The budget of a board running the app with this model and/or profile (either may be null).
    /// Uploads are parsed straight from the staging buffer (BoardRuntime.UploadCommit), so loading
    /// needs no copy of the file; replacing a loaded model needs room for both while the new one
    /// is built, which <paramref name="replacing"/> adds.
    /// </summary>
    public static MemoryFit Check(BoardTarget board, EdgeModel? model, DriftProfile? profile, bool replacing = false)
    {
        var config = board.Preset();
        var lines = new List<MemoryLine>
        {
            new("board app (link, staging, rows)", App(config)),
            new("static tables", Statics),
        };
        if (model is not null) lines.Add(new MemoryLine("model (constants, tensors, arena, vectors)", Model(model, config)));
        if (profile is not null) lines.Add(new MemoryLine($"drift monitor ({profile.Columns.Length} columns)", Profile(profile)));
        long peak = replacing && model is not null ? Model(model, config) : 0;
        return new MemoryFit(board, lines, peak, "the model being replaced");
    }

    private sealed class NoTransport : ITransport
    {
        public static readonly NoTransport Instance = new();
        public int Read(byte[] buffer, int offset, int count) => 0;
        public void Write(byte[] buffer, int offset, int count) { }
    }

    private sealed class NoClock : IClock
    {
        public static readonly NoClock Instance = new();
        public long Microseconds => 0;
    }

    private sealed class NoPin : ITriggerPin
    {
        public static readonly NoPin Instance = new();
        public void High() { }
        public void Low() { }
    }
}
