using System.Buffers.Binary;
using Edge.Conformance;
using Edge.Data;
using Edge.Drift.Profiles;
using Edge.Drift.Replay;
using Edge.Models;
using Edge.TestSupport;

namespace Edge.Device.Tests.Conformance;

/// <summary>
/// The conformance cases as blobs for <see cref="ConformanceRunner"/>, each small enough to be
/// compiled into one nanoFramework assembly (its static data lives in the 64 KB signatures table):
/// every motor-flux model that fits one assembly over every test row, in slices, and the exporter
/// zoo's rf, gbm and logreg_ml (every output: probabilities, then the label); the demo's drift
/// profile over the first 800 rows of drift_289V (four windows, every metric of every column);
/// fixed-point ln, sqrt and ratio over values spanning 64 bits; link frames of every length class.
/// </summary>
public static class ConformanceCases
{
    /// <summary>Largest blob per run (leaves room in the signatures table for the code's own signatures).</summary>
    public const int MaxBlobBytes = 40 * 1024;

    /// <summary>Models whose file does not fit one assembly's static data: none of them can be embedded (load them over the link instead).</summary>
    public static readonly string[] TooLargeToEmbed = ["flux_iforest"];

    public static IEnumerable<(string Name, byte[] Blob)> All(int? rowsPerModel = null)
    {
        byte tag = 0;
        foreach (var (name, kind) in new[] { ("flux_mlp", "features"), ("flux_autoencoder", "features"), ("flux_cnn1d", "windows"),
                     ("zoo/rf", "features"), ("zoo/gbm", "features"), ("zoo/logreg_ml", "features") })
        {
            tag++;
            var model = Convert(name, kind);
            var table = TableReader.Read(RepoPaths.MotorFlux($"test_164V.{kind}.csv"));
            var interpreter = new Edge.Device.Inference.Interpreter(Edge.Device.Model.ModelReader.Read(model), 0);
            int width = interpreter.InputLength(0);
            var rows = table.NumberRows(table.ColumnNames.Where(c => c != "label").Take(width).ToArray());
            int total = rowsPerModel ?? rows.Length;
            int perBlob = Math.Max(1, (MaxBlobBytes - model.Length - 16) / (width * 4));
            for (int first = 0; first < total; first += perBlob)
            {
                int count = Math.Min(perBlob, total - first);
                var blob = new List<byte> { ConformanceRunner.ModelCase, tag };
                Int32(blob, model.Length);
                blob.AddRange(model);
                UInt16(blob, count);
                UInt16(blob, width);
                for (int r = first; r < first + count; r++)
                    foreach (double v in rows[r]) Int32(blob, BitConverter.SingleToInt32Bits((float)v));
                yield return ($"{name} rows {first}..{first + count - 1}", blob.ToArray());
            }
        }
        yield return ("drift: demo profile over drift_289V rows 0..799", Drift(800));
        yield return ("fixed-point math", MathCase());
        yield return ("link frames", LinkCase());
    }

    private static byte[] Convert(string name, string kind)
    {
        string output = Path.Combine(RepoPaths.TempDirectory("conformance"), name.Replace('/', '-') + ".edgem");
        // "zoo/x": the exporter zoo's ONNX-ML classifiers (tree ensembles, a label output after the probabilities).
        string onnx = name.StartsWith("zoo/", StringComparison.Ordinal) ? Path.Combine(RepoPaths.Root, "samples", name + ".onnx") : RepoPaths.MotorFlux(name + ".onnx");
        return ModelConverter.Convert(new ConvertOptions(onnx, RepoPaths.MotorFlux($"train_164V.{kind}.csv"), output)).Bytes;
    }

    private static byte[] Drift(int rows)
    {
        var profile = ProfileBuilder.Build(TableReader.Read(RepoPaths.MotorFlux("train_164V.features.csv")),
            new ProfileOptions { Columns = ["f[5-9]", "f1[0-5]"], Categorical = ["load"] });
        var file = ProfileWriter.Write(profile);
        var encoded = RowEncoder.Encode(profile, TableReader.Read(RepoPaths.MotorFlux("drift_289V.features.csv")));
        var blob = new List<byte> { ConformanceRunner.DriftCase, 1 };
        Int32(blob, file.Length);
        blob.AddRange(file);
        UInt16(blob, rows);
        UInt16(blob, encoded[0].Length);
        for (int r = 0; r < rows; r++)
            foreach (int value in encoded[r]) Int32(blob, value);
        for (int r = 0; r < rows; r++) blob.Add((byte)(r % 17 == 0 ? 1 : 0));   // some anomalous rows: the anomalous-subset sketch and burst check run too
        return blob.ToArray();
    }

    private static byte[] MathCase()
    {
        var values = new List<ulong> { 0, 1, 2, 3, 7, 255, 256, 65535, 65536, 1UL << 32, (1UL << 32) - 1, ulong.MaxValue, ulong.MaxValue - 1 };
        var random = new Random(11);
        for (int i = 0; i < 400; i++) values.Add((ulong)random.NextInt64() >> random.Next(0, 63));
        var blob = new List<byte> { ConformanceRunner.MathCase, 1 };
        UInt16(blob, values.Count);
        foreach (ulong v in values) { var b = new byte[8]; BinaryPrimitives.WriteUInt64LittleEndian(b, v); blob.AddRange(b); }
        return blob.ToArray();
    }

    private static byte[] LinkCase()
    {
        var blob = new List<byte>();
        var random = new Random(5);
        byte tag = 0;
        foreach (int length in new[] { 0, 1, 2, 253, 254, 255, 256, 500, Edge.Device.Link.LinkFrame.MaxPayload })
        {
            blob.Add(ConformanceRunner.LinkCase);
            blob.Add(tag++);
            UInt16(blob, length);
            var payload = new byte[length];
            random.NextBytes(payload);
            for (int i = 0; i < length; i += 7) payload[i] = 0;   // zeros for COBS to stuff
            blob.AddRange(payload);
        }
        return blob.ToArray();
    }

    private static void Int32(List<byte> blob, int value) { var b = new byte[4]; BinaryPrimitives.WriteInt32LittleEndian(b, value); blob.AddRange(b); }

    private static void UInt16(List<byte> blob, int value) { var b = new byte[2]; BinaryPrimitives.WriteUInt16LittleEndian(b, (ushort)value); blob.AddRange(b); }
}
