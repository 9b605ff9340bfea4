using System.Security.Cryptography;
using System.Text.Json;
using Edge.Data;
using Edge.Device.Inference;
using Edge.Device.Model;
using Edge.Models.Tests.Support;

namespace Edge.Models.Tests;

/// <summary>
/// The int8 kernels were rewritten for the interpreter's sake (running indices, unrolled loops);
/// their outputs must not move by a bit. Every motor-flux fixture model, over every row of its
/// test set, gives the outputs recorded in kernel-outputs.json, which was written with the kernels
/// as they were before the rewrite (commit 343f2eb): SHA-256 of all output floats' bits, row by
/// row. Set EDGE_WRITE_KERNEL_PINS=1 to record anew (only ever with kernels known to be right).
/// </summary>
[TestClass]
public sealed class KernelOutputPinTests
{
    private static readonly string PinFile = Path.Combine(Edge.TestSupport.RepoPaths.Root, "tests", "Edge.Models.Tests", "Support", "kernel-outputs.json");

    [TestMethod]
    public void EveryFixtureModelGivesThePinnedOutputsOnEveryRow()
    {
        var actual = ConvertedFixtures.Names.OrderBy(n => n, StringComparer.Ordinal).ToDictionary(n => n, n => Hash(ConvertedFixtures.Get(n)));
        if (Environment.GetEnvironmentVariable("EDGE_WRITE_KERNEL_PINS") == "1")
            File.WriteAllText(PinFile, JsonSerializer.Serialize(actual, new JsonSerializerOptions { WriteIndented = true }) + "\n");
        var pinned = JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(PinFile))!;
        CollectionAssert.AreEquivalent(pinned.Keys.ToList(), actual.Keys.ToList());
        foreach (var (name, hash) in pinned) Assert.AreEqual(hash, actual[name], $"{name}: outputs differ from the pinned kernels'");
    }

    /// <summary>"rows:SHA-256" of the outputs of every test row, in row order.</summary>
    private static string Hash(ConvertedFixture fixture)
    {
        var model = fixture.Model;
        var table = TableReader.Read(fixture.TestData);
        var interpreter = new Interpreter(model, 0);
        int inputs = interpreter.InputLength(0);
        string[] columns = table.ColumnNames.Where(c => c != "label").Take(inputs).ToArray();
        var rows = table.NumberRows(columns);
        var output = new float[interpreter.OutputLength(0)];
        var values = new float[inputs];
        var bits = new int[inputs];
        bool keys = model.Tensors[model.Inputs[0].Tensor].Type == TensorType.Float32Key;
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[4];
        foreach (var row in rows)
        {
            for (int i = 0; i < inputs; i++)
            {
                values[i] = (float)row[i];
                bits[i] = BitConverter.SingleToInt32Bits(values[i]);
            }
            if (keys) interpreter.SetInputFloat32Bits(0, bits, 0);
            else interpreter.SetInput(0, values, 0);
            interpreter.Invoke();
            interpreter.GetOutput(0, output, 0);
            foreach (float y in output)
            {
                BitConverter.TryWriteBytes(buffer, BitConverter.SingleToInt32Bits(y));
                sha.AppendData(buffer);
            }
        }
        return rows.Length + ":" + Convert.ToHexString(sha.GetHashAndReset());
    }
}
