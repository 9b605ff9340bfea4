using System.Buffers.Binary;
using System.Reflection;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Format;
using Edge.Models.Verification;

namespace Edge.Models.Reports;

public sealed record SectionInfo(string Name, int Offset, int Length);

public sealed record TensorInfoReport(int Index, string Name, string Type, int[] Shape, float Scale, int ZeroPoint, int ArenaOffset, int Bytes);

public sealed record InputReport(string Tensor, string Quantiser);

public sealed record OpInfoReport(int Index, string Op, string Name, string[] Inputs, string[] Outputs, Dictionary<string, int> Parameters, string? Multipliers);

/// <summary>
/// What `edge model inspect` shows: the file (version, id, checksum, sections), metadata, the
/// graph's inputs, outputs and operations with their kernel parameters, and every tensor's
/// shape, quantisation and arena place; per board (all known ones, or the one asked for) whether
/// it fits and the inference time with managed and with native kernels.
/// </summary>
public sealed record ModelInspection(
    string Path,
    int FileBytes,
    int FormatVersion,
    string Arithmetic,
    string ModelId,
    bool ModelIdMatchesContent,
    IReadOnlyList<SectionInfo> Sections,
    IReadOnlyDictionary<string, string> Metadata,
    IReadOnlyList<InputReport> Inputs,
    IReadOnlyList<string> Outputs,
    IReadOnlyList<OpInfoReport> Ops,
    IReadOnlyList<TensorInfoReport> Tensors,
    int ArenaBytes,
    int ResidentBytes,
    int DriftProfileBytes,
    string? DriftProfileProblem,
    IReadOnlyList<BoardEstimate> Boards)
{
    /// <summary>MACs, parameter bytes and live arena bytes per op, with totals.</summary>
    public LayerCosts? Layers { get; init; }

    /// <param name="board">Estimate for this board only (a <see cref="Edge.Targets.Boards.BoardTarget"/> name); null: every known board.</param>
    public static ModelInspection Inspect(string path, string? board = null)
    {
        var target = board is null ? null : Edge.Targets.Boards.BoardTarget.Find(board);
        var model = ModelFile.Read(path, out var bytes);
        var sections = new List<SectionInfo>();
        int count = BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(EdgeModelFormat.SectionCountOffset));
        for (int i = 0; i < count; i++)
        {
            var entry = bytes.AsSpan(EdgeModelFormat.HeaderSize + i * EdgeModelFormat.SectionEntrySize);
            sections.Add(new SectionInfo(SectionId.Name(BinaryPrimitives.ReadUInt16LittleEndian(entry)), BinaryPrimitives.ReadInt32LittleEndian(entry[4..]), BinaryPrimitives.ReadInt32LittleEndian(entry[8..])));
        }
        string Name(int t) => model.Tensors[t].Name;
        var inputs = model.Inputs.Select(i => new InputReport(Name(i.Tensor), Describe(i))).ToList();
        var ops = model.Operations.Select((op, i) => new OpInfoReport(i, OpCode.Name(op.Code), op.Name, op.Inputs.Select(Name).ToArray(), op.Outputs.Select(Name).ToArray(),
            ParameterNames(op.Code).Zip(op.Parameters).ToDictionary(p => p.First, p => p.Second), MultiplierRange(model, op))).ToList();
        var tensors = model.Tensors.Select((t, i) => new TensorInfoReport(i, t.Name, TensorType.Name(t.Type), t.Shape, t.Scale, t.ZeroPoint, t.ArenaOffset, t.ElementCount * TensorType.ElementSize(t.Type))).ToList();
        var metadata = model.MetadataKeys.Zip(model.MetadataValues).ToDictionary(p => p.First, p => p.Second);
        string? problem = CheckDriftProfile(model, path);
        return new ModelInspection(path, bytes.Length, BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(EdgeModelFormat.VersionOffset)),
            "TFLM double rounding", model.IdHex, EdgeModelWriter.ComputeId(bytes).SequenceEqual(model.Id), sections, metadata, inputs,
            model.Outputs.Select(Name).ToList(), ops, tensors, model.ArenaBytes, model.ResidentBytes, model.DriftProfile.Length, problem,
            // Fitting a board counts the embedded profile's monitor, which needs a readable profile.
            problem is null ? target is null ? BoardEstimate.ForAll(model, bytes.Length) : [BoardEstimate.For(target, model, bytes.Length)] : [])
        {
            Layers = LayerCosts.Of(model),
        };
    }

    /// <summary>The embedded profile read as the board reads it (its own CRC-32, version, every field); null when it reads or there is none.</summary>
    private static string? CheckDriftProfile(EdgeModel model, string path)
    {
        if (model.DriftProfile.Length == 0) return null;
        try
        {
            Device.Drift.DriftProfileReader.Read(model.DriftProfile, path + " (embedded drift profile)");
            return null;
        }
        catch (Device.Codec.EdgeFormatException e)
        {
            return e.Message;
        }
    }

    public string ToJson() => ReportJson.Serialize(this);

    public void WriteText(TextWriter w)
    {
        w.WriteLine($"{Path}: {FileBytes:N0} bytes, .edgem version {FormatVersion}, {Arithmetic}");
        w.WriteLine($"model id      {ModelId} ({(ModelIdMatchesContent ? "matches the content" : "DOES NOT match the content")}); file CRC-32 checked");
        if (DriftProfileBytes > 0)
            w.WriteLine($"drift profile {DriftProfileBytes:N0} B embedded; {(DriftProfileProblem is null ? "read as the board reads it, its CRC-32 checked" : "UNREADABLE: " + DriftProfileProblem)}");
        w.WriteLine($"sections      {string.Join(", ", Sections.Select(s => $"{s.Name} {s.Length:N0} B"))}");
        w.WriteLine($"memory        arena {ArenaBytes:N0} B, constants {ResidentBytes:N0} B{(DriftProfileBytes > 0 ? $" (incl. drift profile {DriftProfileBytes:N0} B)" : "")}");
        foreach (var (key, value) in Metadata) w.WriteLine($"meta          {key} = {value}");
        foreach (var input in Inputs) w.WriteLine($"input         {input.Tensor}: {input.Quantiser}");
        foreach (var board in Boards)
        {
            w.WriteLine($"board         {board.Board}: {board.Memory}");
            foreach (var build in board.Firmware) w.WriteLine($"  {build.Build,-11} {build.Latency}");
        }
        w.WriteLine($"outputs       {string.Join(", ", Outputs)}");
        w.WriteLine();
        var ops = new TextTable("#", "op", "node", "inputs -> outputs", "parameters");
        foreach (var op in Ops)
            ops.Add(op.Index.ToString(), op.Op, op.Name, $"{string.Join(", ", op.Inputs)} -> {string.Join(", ", op.Outputs)}",
                string.Join(" ", op.Parameters.Select(p => $"{p.Key}={p.Value}")) + (op.Multipliers is null ? "" : $" multipliers {op.Multipliers}"));
        ops.Write(w);
        w.WriteLine();
        Layers?.WriteText(w);
        w.WriteLine();
        var tensors = new TextTable("#", "tensor", "type", "shape", "scale", "zero point", "arena offset", "bytes");
        foreach (var t in Tensors)
            tensors.Add(t.Index.ToString(), t.Name, t.Type, "[" + string.Join(",", t.Shape) + "]", t.Scale.ToString("G6", System.Globalization.CultureInfo.InvariantCulture), t.ZeroPoint.ToString(), t.ArenaOffset.ToString(), t.Bytes.ToString());
        tensors.Write(w);
    }

    private static string Describe(InputQuantizer input) =>
        input.Channels == 0 ? "float32 values taken bit for bit (order-preserving keys)"
        : input.Channels == 1 ? $"q = round(x*{input.A[0]:G6} + {input.B[0]:G6})"
        : $"q = round(x*A[c] + B[c]) over {input.Channels} channels of {input.InnerSize}; A in [{input.A.Min():G4}, {input.A.Max():G4}], B in [{input.B.Min():G4}, {input.B.Max():G4}]";

    /// <summary>
    /// The kernel's parameter names: its public int constants whose values are the parameter indexes
    /// 0..ParameterCount-1, one name per index (by value, not declaration order: a native build has
    /// no metadata tokens to sort by); p0, p1, ... where that is not one name each.
    /// </summary>
    private static IEnumerable<string> ParameterNames(int code)
    {
        int count = OpCode.ParameterCount(code);
        var byIndex = (KernelType(code)?.GetFields(BindingFlags.Public | BindingFlags.Static) ?? [])
            .Where(f => f.IsLiteral && f.FieldType == typeof(int) && f.Name != "ParameterCount")
            .Select(f => (f.Name, Index: (int)f.GetRawConstantValue()!))
            .Where(f => f.Index >= 0 && f.Index < count)
            .GroupBy(f => f.Index)
            .ToDictionary(g => g.Key, g => g.Select(f => f.Name).ToList());
        return Enumerable.Range(0, count).All(i => byIndex.TryGetValue(i, out var names) && names.Count == 1)
            ? Enumerable.Range(0, count).Select(i => byIndex[i][0])
            : Enumerable.Range(0, count).Select(i => $"p{i}");
    }

    private static Type? KernelType(int code) => code switch
    {
        OpCode.FullyConnected => typeof(FullyConnectedInt8),
        OpCode.Conv1D => typeof(Conv1DInt8),
        OpCode.MaxPool1D => typeof(MaxPool1DInt8),
        OpCode.AveragePool1D => typeof(AveragePool1DInt8),
        OpCode.Clamp => typeof(ClampInt8),
        OpCode.Add => typeof(AddInt8),
        OpCode.Mul => typeof(MulInt8),
        OpCode.LookupTable => typeof(LookupTableInt8),
        OpCode.Softmax => typeof(SoftmaxInt8),
        OpCode.Reshape => typeof(ReshapeInt8),
        OpCode.TreeEnsemble => typeof(TreeEnsembleInt8),
        _ => null,
    };

    /// <summary>The range of real per-channel requantisation multipliers M·2^(shift-31) of a linear op.</summary>
    private static string? MultiplierRange(EdgeModel model, Operation op)
    {
        int channels, multipliers, shifts;
        switch (op.Code)
        {
            case OpCode.FullyConnected:
                (channels, multipliers, shifts) = (op.Parameters[FullyConnectedInt8.OutFeatures], op.Parameters[FullyConnectedInt8.MultipliersAt], op.Parameters[FullyConnectedInt8.ShiftsAt]);
                break;
            case OpCode.Conv1D:
                (channels, multipliers, shifts) = (op.Parameters[Conv1DInt8.OutChannels], op.Parameters[Conv1DInt8.MultipliersAt], op.Parameters[Conv1DInt8.ShiftsAt]);
                break;
            default:
                return null;
        }
        var reals = Enumerable.Range(0, channels).Select(c => model.Ints[multipliers + c] * Math.Pow(2, model.Ints[shifts + c] - 31)).ToList();
        return $"[{reals.Min():G4}, {reals.Max():G4}]";
    }
}
