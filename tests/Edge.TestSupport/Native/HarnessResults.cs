namespace Edge.TestSupport.Native;

/// <summary>What the test program wrote for one RUN record: the native status (0 = ok), the op that failed (-1), the arenas afterwards.</summary>
public sealed record RunResult(int Status, int FailedOp, sbyte[] Arena8, int[] Arena32);

/// <summary>
/// What the test program counted for one COUNT record: counter ticks over repetitions of each
/// op and of an empty op, and the instructions per tick it measured on a loop of known length.
/// </summary>
public sealed record CountResult(int Status, double InstructionsPerTick, IReadOnlyList<(int Repetitions, long Ticks)> Ops, int EmptyRepetitions, long EmptyTicks)
{
    /// <summary>Instructions of one call of op <paramref name="op"/>, the harness's own call and loop subtracted.</summary>
    public double Instructions(int op) =>
        Ops[op].Ticks * InstructionsPerTick / Ops[op].Repetitions - EmptyTicks * InstructionsPerTick / EmptyRepetitions;
}

/// <summary>The sketches after a DRIFT record's samples, and the native status.</summary>
public sealed record DriftResult(int Status, ushort[] Window, long[] WindowTailLow, long[] WindowTailHigh,
    ushort[] Anomalous, long[] AnomalousTailLow, long[] AnomalousTailHigh, ushort[] Decayed);

/// <summary>Counter ticks for a DRIFT_COUNT record's samples, and for as many calls of an empty update.</summary>
public sealed record DriftCountResult(double InstructionsPerTick, int Samples, long Ticks, long EmptyTicks)
{
    /// <summary>Instructions per sample, the harness's call and loop subtracted.</summary>
    public double InstructionsPerSample => (Ticks - EmptyTicks) * InstructionsPerTick / Samples;
}

/// <summary>Reads the results file; every record's layout is that of harness.c.</summary>
public static class HarnessResults
{
    public static IReadOnlyList<object> Read(string path)
    {
        var results = new List<object>();
        using var reader = new BinaryReader(File.OpenRead(path));
        while (reader.BaseStream.Position < reader.BaseStream.Length)
        {
            int tag = reader.ReadInt32();
            int bytes = reader.ReadInt32();
            long end = reader.BaseStream.Position + bytes;
            results.Add(tag switch
            {
                HarnessCases.TagRun => ReadRun(reader),
                HarnessCases.TagCount => ReadCount(reader),
                HarnessCases.TagDrift => ReadDrift(reader),
                HarnessCases.TagDriftCount => new DriftCountResult(reader.ReadInt32() / 1000.0, reader.ReadInt32(), (uint)reader.ReadInt32(), (uint)reader.ReadInt32()),
                _ => throw new InvalidDataException($"{path}: unknown result tag {tag}"),
            });
            if (reader.BaseStream.Position != end) throw new InvalidDataException($"{path}: result record {tag} is {bytes} bytes, read {reader.BaseStream.Position - end + bytes}");
        }
        return results;
    }

    private static RunResult ReadRun(BinaryReader reader)
    {
        int status = reader.ReadInt32();
        int failed = reader.ReadInt32();
        int arena8 = reader.ReadInt32();
        int arena32 = reader.ReadInt32();
        var a8 = reader.ReadBytes(arena8).Select(b => (sbyte)b).ToArray();
        reader.ReadBytes((4 - arena8 % 4) % 4);
        var a32 = Enumerable.Range(0, arena32).Select(_ => reader.ReadInt32()).ToArray();
        return new RunResult(status, failed, a8, a32);
    }

    private static CountResult ReadCount(BinaryReader reader)
    {
        int status = reader.ReadInt32();
        double scale = reader.ReadInt32() / 1000.0;
        int ops = reader.ReadInt32();
        var counts = Enumerable.Range(0, ops).Select(_ => (reader.ReadInt32(), (long)(uint)reader.ReadInt32())).ToList();
        return new CountResult(status, scale, counts, reader.ReadInt32(), (uint)reader.ReadInt32());
    }

    private static DriftResult ReadDrift(BinaryReader reader)
    {
        int status = reader.ReadInt32();
        int cells = reader.ReadInt32();
        int columns = reader.ReadInt32();
        ushort[] Counts()
        {
            var values = Enumerable.Range(0, cells).Select(_ => reader.ReadUInt16()).ToArray();
            if (cells % 2 != 0) reader.ReadUInt16();
            return values;
        }
        long[] Longs() => Enumerable.Range(0, columns).Select(_ => reader.ReadInt64()).ToArray();
        return new DriftResult(status, Counts(), Longs(), Longs(), Counts(), Longs(), Longs(), Counts());
    }
}
