using Edge.Device.Model;

namespace Edge.TestSupport.Native;

/// <summary>One op for the test program: its code, arena offsets and parameters, as the interpreter runs it.</summary>
public sealed record HarnessOp(int Code, int Input0, int Input1, int Output, int[] Parameters)
{
    /// <summary>The ops of a model, with the arena offsets the interpreter takes from their tensors.</summary>
    public static IReadOnlyList<HarnessOp> Of(EdgeModel model) => model.Operations.Select(op => new HarnessOp(
        op.Code,
        model.Tensors[op.Inputs[0]].ArenaOffset,
        op.Inputs.Length > 1 ? model.Tensors[op.Inputs[1]].ArenaOffset : 0,
        model.Tensors[op.Outputs[0]].ArenaOffset,
        op.Parameters)).ToList();
}

/// <summary>One drift sample: the row (one int per column) and whether the model called it anomalous.</summary>
public sealed record DriftSample(int[] Row, bool Anomalous);

/// <summary>
/// Writes the cases file the bare-metal test program reads (the record layout is documented in
/// firmware/Edge.Native/qemu/harness.c): little-endian int32 values, int8 arrays padded to four
/// bytes, each record a tag and its payload's length.
/// </summary>
public sealed class HarnessCases : IDisposable
{
    public const int TagGraph = 1;
    public const int TagRun = 2;
    public const int TagCount = 3;
    public const int TagDrift = 4;
    public const int TagDriftCount = 5;

    private readonly BinaryWriter _writer;
    private readonly MemoryStream _record = new();
    private int _arena8;
    private int _arena32;

    public HarnessCases(string path)
    {
        Path = path;
        _writer = new BinaryWriter(File.Create(path));
    }

    public string Path { get; }

    /// <summary>Records written so far that produce a result.</summary>
    public int Results { get; private set; }

    public void Graph(EdgeModel model) =>
        Graph(model.Weights, model.Ints, model.Arena8Length, model.Arena32Length, HarnessOp.Of(model));

    public void Graph(sbyte[] weights, int[] ints, int arena8, int arena32, IReadOnlyList<HarnessOp> ops)
    {
        _arena8 = arena8;
        _arena32 = arena32;
        var w = Begin();
        w.Write(weights.Length);
        w.Write(ints.Length);
        w.Write(arena8);
        w.Write(arena32);
        w.Write(ops.Count);
        WriteBytes(w, weights);
        foreach (int v in ints) w.Write(v);
        foreach (var op in ops)
        {
            w.Write(op.Code);
            w.Write(op.Input0);
            w.Write(op.Input1);
            w.Write(op.Output);
            w.Write(op.Parameters.Length);
            foreach (int v in op.Parameters) w.Write(v);
        }
        End(TagGraph);
    }

    /// <summary>Runs the current graph from these arenas; the result holds the arenas afterwards.</summary>
    public void Run(sbyte[] arena8, int[] arena32) => Arenas(TagRun, arena8, arena32);

    /// <summary>Counts the instructions of each op of the current graph, from the state one run leaves.</summary>
    public void Count(sbyte[] arena8, int[] arena32) => Arenas(TagCount, arena8, arena32);

    public void Drift(int[] layout, int[] edges, int decayShift, int decayBlock, IReadOnlyList<DriftSample> samples) =>
        DriftRecord(TagDrift, layout, edges, decayShift, decayBlock, samples);

    public void DriftCount(int[] layout, int[] edges, int decayShift, int decayBlock, IReadOnlyList<DriftSample> samples) =>
        DriftRecord(TagDriftCount, layout, edges, decayShift, decayBlock, samples);

    private void DriftRecord(int tag, int[] layout, int[] edges, int decayShift, int decayBlock, IReadOnlyList<DriftSample> samples)
    {
        var w = Begin();
        w.Write(layout.Length);
        foreach (int v in layout) w.Write(v);
        w.Write(edges.Length);
        foreach (int v in edges) w.Write(v);
        w.Write(decayShift);
        w.Write(decayBlock);
        w.Write(samples.Count);
        foreach (var sample in samples)
        {
            w.Write(sample.Anomalous ? 1 : 0);
            foreach (int v in sample.Row) w.Write(v);
        }
        End(tag);
    }

    private void Arenas(int tag, sbyte[] arena8, int[] arena32)
    {
        if (arena8.Length != _arena8 || arena32.Length != _arena32)
            throw new ArgumentException($"arenas of {arena8.Length} and {arena32.Length} elements for a graph of {_arena8} and {_arena32}");
        var w = Begin();
        WriteBytes(w, arena8);
        foreach (int v in arena32) w.Write(v);
        End(tag);
    }

    private BinaryWriter Begin()
    {
        _record.SetLength(0);
        return new BinaryWriter(_record, System.Text.Encoding.UTF8, leaveOpen: true);
    }

    private void End(int tag)
    {
        _writer.Write(tag);
        _writer.Write((int)_record.Length);
        _writer.Write(_record.GetBuffer(), 0, (int)_record.Length);
        if (tag != TagGraph) Results++;
    }

    private static void WriteBytes(BinaryWriter w, sbyte[] values)
    {
        foreach (sbyte v in values) w.Write(v);
        for (int i = values.Length; i % 4 != 0; i++) w.Write((byte)0);
    }

    public void Dispose()
    {
        _writer.Dispose();
        _record.Dispose();
    }
}
