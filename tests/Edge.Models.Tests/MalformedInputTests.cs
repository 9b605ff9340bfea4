using System.Buffers.Binary;
using Edge.Device.Codec;
using Edge.Device.Model;
using Edge.Models.Import;
using Edge.Models.Onnx;
using OnnxProto = Edge.Models.Onnx.Proto;
using Edge.Models.Tests.Support;
using Edge.TestSupport;

namespace Edge.Models.Tests;

/// <summary>
/// Property: whatever the bytes, reading an ONNX model or an .edgem file either succeeds or
/// fails with the documented exception and a message; it never crashes with anything else.
/// </summary>
[TestClass]
public sealed class MalformedInputTests
{
    [TestMethod]
    public void MutatedOnnxModelsFailOnlyWithImportErrorsNamingTheFile()
    {
        var original = File.ReadAllBytes(Samples.File("flux_cnn1d.onnx"));
        // Most of the file is weights, whose raw bytes take any value: a mutation there tests
        // nothing. Mutate only the structure (tags, lengths, names, shapes, attributes).
        var weights = new bool[original.Length];
        foreach (var tensor in OnnxProto.Model.Parser.ParseFrom(original).Graph.Initializer)
        {
            var raw = tensor.RawData.Span;
            if (raw.Length < 16) continue;
            int at = original.AsSpan().IndexOf(raw);
            Assert.IsGreaterThanOrEqualTo(0, at, tensor.Name);
            weights.AsSpan(at, raw.Length).Fill(true);
        }
        int[] structure = Enumerable.Range(0, original.Length).Where(i => !weights[i]).ToArray();
        Assert.IsGreaterThan(300, structure.Length, "structure bytes");

        string path = Path.Combine(RepoPaths.TempDirectory("mutated-onnx"), "mutated.onnx");
        var random = new Random(12);
        int rejected = 0, imported = 0;
        for (int trial = 0; trial < 1200; trial++)
        {
            var bytes = (byte[])original.Clone();
            for (int k = 0; k < 1 + trial % 3; k++)
            {
                int at = structure[random.Next(structure.Length)];
                // Small changes (a length or a tag off by one) as well as arbitrary bytes.
                bytes[at] = trial % 2 == 0 ? (byte)random.Next(256) : (byte)(bytes[at] + random.Next(1, 3) * (random.Next(2) * 2 - 1));
            }
            if (trial % 7 == 0) bytes = bytes[..structure[random.Next(structure.Length)]];
            File.WriteAllBytes(path, bytes);
            try
            {
                OnnxImporter.Import(path);
                imported++;
            }
            catch (ModelImportException e)
            {
                StringAssert.StartsWith(e.Message, path + ": ", "every error names the file first");
                Assert.IsGreaterThan(path.Length + 10, e.Message.Length, "and then says what is wrong");
                rejected++;
            }
        }
        // Measured at seed 12: most structural mutations are refused; some (a renamed node, a changed
        // attribute value still in range) import. A parser that stopped checking would fall far below.
        Console.WriteLine($"{rejected} rejected, {imported} imported");
        Assert.IsGreaterThan(600, rejected, $"{rejected} of 1200 structural mutations rejected");
        Assert.IsGreaterThan(0, imported, "some mutations leave a valid model, which must import");
    }

    [TestMethod]
    public void MutatedModelFilesBehindAValidChecksumFailOnlyWithFormatErrors()
    {
        var original = ConvertedFixtures.Get("flux_cnn1d").Result.Bytes;
        var random = new Random(13);
        int failures = 0;
        for (int trial = 0; trial < 3000; trial++)
        {
            var bytes = (byte[])original.Clone();
            int at = random.Next(bytes.Length - 4);
            // Mostly small integers, the values most likely to pass one check and break the next.
            bytes[at] = (byte)(trial % 3 == 0 ? random.Next(256) : random.Next(8));
            BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(bytes.Length - 4), System.IO.Hashing.Crc32.HashToUInt32(bytes.AsSpan(0, bytes.Length - 4)));
            try
            {
                var model = ModelReader.Read(bytes);
                new Device.Inference.Interpreter(model).Invoke();
            }
            catch (EdgeFormatException e)
            {
                Assert.IsFalse(string.IsNullOrWhiteSpace(e.Message));
                failures++;
            }
        }
        Assert.IsGreaterThan(100, failures, "most mutations must be caught");
    }
}
