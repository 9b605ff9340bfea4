using System.Globalization;
using Edge.Common.Files;
using Edge.Hil.Storage;
using Edge.Power.Energy;
using Parquet;
using Parquet.Schema;

namespace Edge.Hil.Results;

/// <summary>
/// A cell's raw current trace as Parquet: columns `seconds` (sample start, double) and `amperes`
/// (the monitor's mean current over the sample, float32), one row per sample; key-value metadata
/// holds the rate, the supply and the measured inference windows (`edge.windows`, `start:end`
/// in seconds, separated by commas).
/// </summary>
public static class TraceFile
{
    private static readonly DataField<double> Seconds = new("seconds");
    private static readonly DataField<float> Amperes = new("amperes");
    private static readonly ParquetSchema Schema = new(Seconds, Amperes);

    public static Task WriteAsync(string path, CurrentTrace trace, IReadOnlyList<PhaseWindow> measured, string cell) =>
        ResultWriteException.GuardAsync(() => AtomicFile.WriteAsync(path, async stream =>
        {
            await using var writer = await ParquetWriter.CreateAsync(Schema, stream).ConfigureAwait(false);
            writer.CustomMetadata = new Dictionary<string, string>
            {
                ["edge.cell"] = cell,
                ["edge.rate_hz"] = trace.SampleRateHertz.ToString("R", CultureInfo.InvariantCulture),
                ["edge.supply_volts"] = trace.SupplyVolts.ToString("R", CultureInfo.InvariantCulture),
                ["edge.windows"] = Format(measured),
            };
            var seconds = new double[trace.Count];
            for (int k = 0; k < seconds.Length; k++) seconds[k] = k / trace.SampleRateHertz;
            using var group = writer.CreateRowGroup();
            await group.WriteAsync<double>(Seconds, seconds).ConfigureAwait(false);
            await group.WriteAsync<float>(Amperes, trace.Amperes.ToArray()).ConfigureAwait(false);
        }));

    /// <summary>A trace is a few MB (seconds at 100 kHz); far larger is not one.</summary>
    private const long MaxBytes = 1L << 30;

    /// <summary>Reads a trace back: samples, rate, supply and measured windows. A damaged file is a <see cref="Inputs.HilInputException"/> naming it.</summary>
    public static async Task<StoredTrace> ReadAsync(string path)
    {
        try
        {
            return await TryReadAsync(path).ConfigureAwait(false);
        }
        catch (Exception e) when (e is IOException or InvalidDataException or FormatException or KeyNotFoundException or IndexOutOfRangeException
                                     or ArgumentException or InvalidOperationException or NotSupportedException or OverflowException)
        {
            throw new Inputs.HilInputException($"{path}: not a readable current trace ({e.Message.TrimEnd('.')})", e);
        }
    }

    private static async Task<StoredTrace> TryReadAsync(string path)
    {
        await using var stream = InputFile.OpenRead(path, MaxBytes, "a current trace");
        await using var reader = await ParquetReader.CreateAsync(stream).ConfigureAwait(false);
        var metadata = reader.CustomMetadata;
        double rate = double.Parse(metadata["edge.rate_hz"], CultureInfo.InvariantCulture);
        double volts = double.Parse(metadata["edge.supply_volts"], CultureInfo.InvariantCulture);
        var amperes = new List<float>();
        for (int g = 0; g < reader.RowGroupCount; g++)
        {
            using var group = reader.OpenRowGroupReader(g);
            var values = new float[group.RowCount];
            await group.ReadAsync(Amperes, values.AsMemory(), null, default).ConfigureAwait(false);
            amperes.AddRange(values);
        }
        var trace = new CurrentTrace(rate, volts, amperes.ToArray(), amperes.Count, []);
        return new StoredTrace(trace, Parse(metadata.GetValueOrDefault("edge.windows")));
    }

    private static string Format(IReadOnlyList<PhaseWindow> windows) =>
        string.Join(",", windows.Select(w => string.Create(CultureInfo.InvariantCulture, $"{w.Start:R}:{w.End:R}")));

    private static IReadOnlyList<PhaseWindow> Parse(string? text) =>
        string.IsNullOrEmpty(text)
            ? []
            : text.Split(',').Select(pair => pair.Split(':')).Select(p => new PhaseWindow(
                double.Parse(p[0], CultureInfo.InvariantCulture), double.Parse(p[1], CultureInfo.InvariantCulture))).ToList();
}
